/// A value being emitted, read where it lies: the catalog emits each structure (a cache
/// behavior has some forty members) member by member without copying it, since passing a
/// behavior by value to each member's closure copied it every time.
///
/// Authoring code reads it as plain Swift: `root.sentAllowedMethods` reads one member in
/// place, `root.value` copies the whole value. Only the emitter makes one, for the length of
/// one call; it cannot be copied, so it cannot outlive the value it reads.
@dynamicMemberLookup
public struct InPlace<Value>: ~Copyable {
    let pointer: UnsafePointer<Value>

    init(_ pointer: UnsafePointer<Value>) {
        self.pointer = pointer
    }

    /// One member, read in place.
    @inline(__always)
    public subscript<Member>(dynamicMember keyPath: KeyPath<Value, Member>) -> Member {
        pointer.pointee[keyPath: keyPath]
    }

    /// The whole value, copied.
    public var value: Value { pointer.pointee }
}
