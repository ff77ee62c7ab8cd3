// Answers old paths with a redirect read from the key value store.
import cf from 'cloudfront';

const store = cf.kvs();

async function handler(event) {
    const request = event.request;
    try {
        const target = await store.get(request.uri);
        return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: target } } };
    } catch (error) {
        return request;
    }
}
