import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Runs independent work on every core.
public enum Parallel {
    /// `transform` applied to every element, on all cores, results in the input's order (so
    /// output never depends on scheduling). Small inputs run on the calling thread.
    public static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], minimumBatch: Int = 1, _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let cores = processorCount
        guard elements.count > 1, cores > 1, elements.count >= minimumBatch * 2 else { return elements.map(transform) }
        let batches = min(elements.count / minimumBatch, cores * 4)
        let results = ResultSlots<Result>(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: batches) { batch in
            let start = elements.count * batch / batches
            let end = elements.count * (batch + 1) / batches
            for index in start..<end { results.set(index, transform(elements[index])) }
        }
        return results.values()
    }

    /// The number of cores the process may use.
    public static let processorCount: Int = {
        #if canImport(Glibc)
            return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
            return 1
        #endif
    }()
}

/// One slot per result; each slot is written by exactly one task, so no two tasks touch the
/// same memory, and the slots are read only after all tasks have finished.
private final class ResultSlots<Value>: @unchecked Sendable {
    // Raw memory rather than an Array: an array's buffer must not be mutated from several
    // threads, even at different indices.
    private let slots: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) { slots[index] = value }

    func values() -> [Value] { slots.compactMap { $0 } }
}
