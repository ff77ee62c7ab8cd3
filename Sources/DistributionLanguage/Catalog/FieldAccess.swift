/// Reads and writes the member of an IR structure that a catalog entry names by key path.
///
/// Projecting a key path goes through the Swift runtime, a few hundred instructions per access;
/// lowering and emitting touch every member of every behavior of every distribution, and the
/// projections were most of the emitter's time. A key path made only of stored properties of
/// structs is a fixed byte offset into the root (`MemoryLayout.offset(of:)`), so access is
/// pointer arithmetic; any other key path (a computed property) is still projected.
struct FieldAccess<Root, Value>: @unchecked Sendable {
    // @unchecked: key paths are immutable; the existential's `& Sendable` is checked where the
    // catalog entry is written.
    let keyPath: WritableKeyPath<Root, Value>
    let offset: Int?

    init(_ keyPath: any WritableKeyPath<Root, Value> & Sendable) {
        let concrete: WritableKeyPath<Root, Value> = keyPath
        self.keyPath = concrete
        offset = MemoryLayout<Root>.offset(of: concrete)
    }

    /// The member's value in `root`.
    @inline(__always)
    func get(_ root: Root) -> Value {
        guard let offset else { return root[keyPath: keyPath] }
        return withUnsafePointer(to: root) { pointer in
            UnsafeRawPointer(pointer).advanced(by: offset).assumingMemoryBound(to: Value.self).pointee
        }
    }

    /// The member's value in the structure `root`, read in place.
    @inline(__always)
    func get(at root: borrowing InPlace<Root>) -> Value {
        guard let offset else { return root.pointer.pointee[keyPath: keyPath] }
        return UnsafeRawPointer(root.pointer).advanced(by: offset).assumingMemoryBound(to: Value.self).pointee
    }

    /// Sets the member of `root` to `value`.
    @inline(__always)
    func set(_ root: inout Root, _ value: Value) {
        guard let offset else {
            root[keyPath: keyPath] = value
            return
        }
        withUnsafeMutablePointer(to: &root) { pointer in
            UnsafeMutableRawPointer(pointer).advanced(by: offset).assumingMemoryBound(to: Value.self).pointee = value
        }
    }
}
