// Serves /docs/ as /docs/index.html: S3 has no directory index for CloudFront's REST origin.
function handler(event) {
    var request = event.request;
    if (request.uri.endsWith('/')) {
        request.uri += 'index.html';
    }
    return request;
}
