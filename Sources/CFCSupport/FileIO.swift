import Synchronization

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
    private let systemWrite = Glibc.write
#elseif canImport(Musl)
    import Musl
    private let systemRead = Musl.read
    private let systemWrite = Musl.write
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
    private let systemWrite = Darwin.write
#endif

/// A file-system operation that failed, with the path and the system's reason.
public struct FileIOError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The path the operation was about.
    public var path: String
    /// What went wrong, in words (from `strerror`, or our own for limits).
    public var reason: String

    /// Creates an error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }

    static func fromErrno(_ path: String, _ code: Int32 = errno) -> FileIOError {
        FileIOError(path: path, reason: String(cString: strerror(code)).lowercased())
    }
}

/// Reading and writing whole files with the C library, without Foundation.
///
/// cfc avoids Foundation in its library targets: it costs process start-up time on Linux, and
/// the compiler only needs to read bytes, write bytes and rename.
public enum FileIO {
    /// The conventional path that means standard input.
    public static let standardInputPath = "-"

    /// How messages name `path`: standard input is `<stdin>`, as compilers print it.
    public static func displayName(_ path: String) -> String {
        path == standardInputPath ? "<stdin>" : path
    }

    /// Reads the whole file at `path` (or standard input for `-`).
    ///
    /// - Parameters:
    ///   - path: the file to read, or `-`.
    ///   - maxBytes: the largest input accepted; a bigger file fails without being read whole.
    /// - Returns: the file's bytes.
    /// - Throws: `FileIOError` when the file cannot be opened or read, is a directory, or is
    ///   larger than `maxBytes`.
    ///   - followSymlinks: whether a symbolic link, or a device, may be read; by default only
    ///     regular files and pipes are (see `openInput`).
    public static func read(_ path: String, maxBytes: Int = .max, followSymlinks: Bool = false) throws(FileIOError) -> [UInt8] {
        let bytes = try readUnmetered(path, maxBytes: maxBytes, followSymlinks: followSymlinks)
        WorkMeter.add(.bytesRead, bytes.count)
        return bytes
    }

    /// Opens the input `path` for reading.
    ///
    /// A configuration comes from a repository, and a repository can hold a symbolic link: a
    /// committed `site.yaml` pointing at a credentials file or `/proc/self/environ` had that
    /// content echoed in diagnostics. So by default an input must be a regular file or a pipe
    /// (`-`, `mkfifo`, and the shell's `<(…)`, whose `/dev/fd/N` is a link to a pipe); a link
    /// anywhere else, or a device, is refused unless `followSymlinks`.
    private static func openInput(_ path: String, shownPath: String, followSymlinks: Bool) throws(FileIOError) -> Int32 {
        if path == standardInputPath { return 0 }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | (followSymlinks ? 0 : O_NOFOLLOW))
        if descriptor >= 0 { return descriptor }
        guard errno == ELOOP, !followSymlinks else { throw .fromErrno(shownPath) }
        guard isPipeHandle(path) else {
            throw FileIOError(path: shownPath, reason: "is a symbolic link; cfc reads links only with --follow-symlinks")
        }
        let followed = open(path, O_RDONLY | O_CLOEXEC)
        if followed < 0 { throw .fromErrno(shownPath) }
        return followed
    }

    /// Whether `path` is how a shell names a pipe it hands a program (`/dev/stdin`,
    /// `/dev/fd/N`, `/proc/self/fd/N`) and that is a pipe or socket now.
    private static func isPipeHandle(_ path: String) -> Bool {
        let isHandleName =
            path == "/dev/stdin"
            || ["/dev/fd/", "/proc/self/fd/"].contains { prefix in
                path.hasPrefix(prefix) && path.utf8.count > prefix.utf8.count
                    && path.utf8.dropFirst(prefix.utf8.count).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
            }
        var status = stat()
        guard isHandleName, stat(path, &status) == 0 else { return false }
        let kind = status.st_mode & S_IFMT
        return kind == S_IFIFO || kind == S_IFSOCK
    }

    private static func readUnmetered(_ path: String, maxBytes: Int, followSymlinks: Bool) throws(FileIOError) -> [UInt8] {
        let shownPath = displayName(path)
        let descriptor = try openInput(path, shownPath: shownPath, followSymlinks: followSymlinks)
        defer { if descriptor != 0 { close(descriptor) } }

        var status = stat()
        if fstat(descriptor, &status) == 0 {
            let kind = status.st_mode & S_IFMT
            if kind == S_IFDIR {
                throw FileIOError(path: shownPath, reason: "is a directory")
            }
            if path != standardInputPath, !followSymlinks, kind != S_IFREG, kind != S_IFIFO, kind != S_IFSOCK {
                throw FileIOError(path: shownPath, reason: "is a device, not a regular file; cfc reads it only with --follow-symlinks")
            }
            if (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > maxBytes {
                throw tooLarge(shownPath, maxBytes)
            }
        }
        let expected = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : 0
        if expected > 0 {
            // A regular file is read straight into an array of its size (one byte more, to see
            // the end, or growth since `fstat`): no chunk copies of a 13 MB input on the
            // thread everything else waits for.
            var failure: FileIOError? = nil
            var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                while initialized < buffer.count {
                    let count = systemRead(descriptor, base + initialized, buffer.count - initialized)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = .fromErrno(shownPath)
                        return
                    }
                    if count == 0 { break }
                    initialized += count
                }
            }
            if let failure { throw failure }
            if bytes.count > maxBytes { throw tooLarge(shownPath, maxBytes) }
            if bytes.count <= expected { return bytes }
            // The file grew while it was read: go on in chunks.
            return try readRest(descriptor, appendingTo: &bytes, shownPath: shownPath, maxBytes: maxBytes)
        }
        var bytes: [UInt8] = []
        return try readRest(descriptor, appendingTo: &bytes, shownPath: shownPath, maxBytes: maxBytes)
    }

    /// Reads `relativePath` beneath `directory`, following no symbolic link on the way: each
    /// directory of the path is opened from the one before it with `O_NOFOLLOW`, then the file,
    /// which must be a regular file. A config names files this way (a function's code, a public
    /// key) whose bytes are uploaded; a link anywhere in the path could point them at any file
    /// the pipeline can read (a committed `linkdir -> /etc`).
    ///
    /// - Throws: `FileIOError` naming `relativePath`, for a link, a missing or unreadable part,
    ///   a file that is not regular, or one larger than `maxBytes`.
    public static func readBeneath(_ directory: String, _ relativePath: String, maxBytes: Int) throws(FileIOError) -> [UInt8] {
        let components = relativePath.split(separator: "/").map(String.init).filter { $0 != "." }
        guard let last = components.last, !relativePath.hasPrefix("/"), !components.contains("..") else {
            throw FileIOError(path: relativePath, reason: "is not a path beneath the config's directory")
        }
        var current = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if current < 0 { throw .fromErrno(directory) }
        defer { close(current) }
        for component in components.dropLast() {
            let next = openat(current, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 {
                throw errno == ELOOP || errno == ENOTDIR
                    ? FileIOError(
                        path: relativePath, reason: "'\(component)' is a symbolic link or not a directory; cfc follows no link here")
                    : .fromErrno(relativePath)
            }
            close(current)
            current = next
        }
        let descriptor = openat(current, last, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 {
            throw errno == ELOOP
                ? FileIOError(path: relativePath, reason: "is a symbolic link; cfc follows no link here")
                : .fromErrno(relativePath)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw FileIOError(path: relativePath, reason: "is not a regular file")
        }
        if Int(status.st_size) > maxBytes { throw tooLarge(relativePath, maxBytes) }
        var bytes: [UInt8] = []
        let read = try readRest(descriptor, appendingTo: &bytes, shownPath: relativePath, maxBytes: maxBytes)
        WorkMeter.add(.bytesRead, read.count)
        return read
    }

    private static func readRest(
        _ descriptor: Int32, appendingTo bytes: inout [UInt8], shownPath: String, maxBytes: Int
    ) throws(FileIOError) -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .fromErrno(shownPath)
            }
            if count == 0 { break }
            if bytes.count + count > maxBytes { throw tooLarge(shownPath, maxBytes) }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    private static func tooLarge(_ path: String, _ maxBytes: Int) -> FileIOError {
        FileIOError(path: path, reason: "input is larger than the limit of \(maxBytes) bytes (see --max-input-bytes)")
    }

    /// Whether `path` is a regular file (not a symbolic link) whose content is exactly `bytes`.
    /// Any failure to read it counts as "no".
    public static func regularFile(_ path: String, holds bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { regularFile(path, holds: $0) }
    }

    /// Whether `path` is a regular file (not a symbolic link) whose content is exactly `bytes`,
    /// with one link and owned by this user: a file that replacing would change in any other
    /// way (a hard link broken, the owner changed) does not count as holding the bytes.
    public static func regularFile(_ path: String, holds bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == bytes.count,
            status.st_nlink == 1, status.st_uid == geteuid()
        else {
            return false
        }
        // Non-blocking, and checked to be the same file: a FIFO swapped in after `lstat` must
        // not hang the compile.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        if descriptor < 0 { return false }
        defer { close(descriptor) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG,
            opened.st_dev == status.st_dev, opened.st_ino == status.st_ino
        else {
            return false
        }
        // One byte more than expected, to notice a file that grew since `lstat`.
        var content = [UInt8](repeating: 0, count: bytes.count + 1)
        var filled = 0
        while filled < content.count {
            let count = content[filled...].withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            if count == 0 { break }
            filled += count
        }
        return filled == bytes.count
            && content.withUnsafeBufferPointer { stored in
                guard let storedStart = stored.baseAddress, let wantedStart = bytes.baseAddress else { return bytes.isEmpty }
                return memcmp(storedStart, wantedStart, bytes.count) == 0
            }
    }

    /// Whether `path` names an existing directory.
    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `path` and its missing parents, like `mkdir -p`.
    /// - Throws: `FileIOError` when a component cannot be created.
    /// - Returns: the directories it created, outermost first, for `removeDirectories` to undo.
    @discardableResult
    public static func makeDirectories(_ path: String) throws(FileIOError) -> [String] {
        if path.isEmpty || isDirectory(path) { return [] }
        let parent = directoryName(path)
        var created: [String] = []
        if parent != path { created = try makeDirectories(parent) }
        if mkdir(path, 0o777) != 0 {
            if errno != EEXIST {
                // The parents made for a path that cannot be made go again: a name too long at
                // the end of `--output a/a/…/a/NAME` left 1,000 directories behind.
                let error = FileIOError.fromErrno(path)
                removeDirectories(created)
                throw error
            }
        } else {
            created.append(path)
            TemporaryFiles.recordCreated([path])
        }
        return created
    }

    /// Removes `directories` (as `makeDirectories` returned them) innermost first, each only
    /// if it is empty: undoing a `mkdir -p` without touching anything else.
    public static func removeDirectories(_ directories: [String]) {
        for directory in directories.reversed() { rmdir(directory) }
        TemporaryFiles.forgetCreated(directories)
    }

    /// The directory part of `path` (`.` when there is none).
    public static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// Writes `bytes` to standard output.
    public static func writeStandardOutput(_ bytes: [UInt8]) {
        writeAll(1, bytes)
    }

    /// Writes `bytes` to standard error.
    public static func writeStandardError(_ bytes: [UInt8]) {
        writeAll(2, bytes)
    }

    @discardableResult
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { writeAll(descriptor, $0) }
    }

    /// Whether standard output and standard error are thrown away (`silenceStandardStreams`).
    private static let standardStreamsSilenced = Atomic<Bool>(false)

    /// Throws away everything cfc would write to standard output and standard error from now
    /// on: the fuzzer runs commands millions of times, and their reports would drown its own.
    public static func silenceStandardStreams() {
        standardStreamsSilenced.store(true, ordering: .relaxed)
    }

    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        if descriptor <= 2, standardStreamsSilenced.load(ordering: .relaxed) { return true }
        WorkMeter.add(.bytesWritten, bytes.count)
        var written = 0
        while written < bytes.count {
            let count = systemWrite(descriptor, base + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += count
        }
        return true
    }

    /// Creates `path` as a new, empty file for writing and returns its descriptor, or -1 (with
    /// `errno` set) when anything is already there, a symbolic link included (`O_EXCL` with
    /// `O_NOFOLLOW`): cfc never writes through a name someone else could have prepared.
    /// With `isPrivate`, only the owner may read it (mode 0600 before the umask): for a file
    /// that holds a sensitive value.
    public static func createNewFile(_ path: String, isPrivate: Bool = false) -> Int32 {
        open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, isPrivate ? 0o600 : 0o644)
    }

    /// Whether nobody but the owner may read or write `path` (no group or other bits).
    public static func isOwnerOnly(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & 0o077 == 0
    }

    /// The value of the environment variable `name`, or nil when it is not set.
    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Whether file descriptor `descriptor` is a terminal (for `--color auto`).
    public static func isTerminal(_ descriptor: Int32) -> Bool {
        isatty(descriptor) != 0
    }

    /// Whether anything (a file, a directory, a link, even a dangling one) is at `path`.
    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Writes a file atomically: its bytes go to a temporary file in the same directory, which
    /// is then renamed over `path`, so a reader sees the old file or the new one, never half.
    /// - Throws: `FileIOError` when the temporary file cannot be written or renamed.

    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileIOError) {
        var transaction = FileTransaction()
        try transaction.stage(bytes, at: path)
        try transaction.commit()
    }
}

extension FileIO {
    /// Replaces the content of the existing file at `path` the way editors save a file, and
    /// changes nothing else about it: its mode, owner and group stay, a hard link stays a hard
    /// link, and (with `followSymlinks`) a symbolic link stays a link whose target gets the
    /// new content. `cfc fmt` used to replace every file with a new 0644 file of its own,
    /// making read-only files writable, scripts unexecutable, links into copies.
    ///
    /// The new content goes to a temporary file that takes the old one's mode and owner and is
    /// renamed over it, so a reader sees the old file or the new one. When that would change
    /// the file (it has other hard links, or its owner or group cannot be given to a new file),
    /// the file is overwritten in place instead, which keeps it but is not atomic.
    /// - Throws: `FileIOError` when the file is missing, not a regular file, a link (without
    ///   `followSymlinks`), read-only, or cannot be written; the file is then unchanged.
    public static func replaceContents(of path: String, with bytes: [UInt8], followSymlinks: Bool = false) throws(FileIOError) {
        var target = path
        var status = stat()
        guard lstat(path, &status) == 0 else { throw .fromErrno(path) }
        if (status.st_mode & S_IFMT) == S_IFLNK {
            guard followSymlinks else {
                throw FileIOError(path: path, reason: "is a symbolic link; cfc writes through links only with --follow-symlinks")
            }
            guard let resolved = realpath(path, nil) else { throw .fromErrno(path) }
            target = String(cString: resolved)
            free(resolved)
            guard lstat(target, &status) == 0 else { throw .fromErrno(path) }
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else { throw FileIOError(path: path, reason: "is not a regular file") }
        // Write permission is the owner's statement that the file may change; renaming over it
        // needs only the directory's, so ask first. A file its owner cannot write counts as
        // read-only for root too (which `access` would let through): CI jobs often run as root.
        guard status.st_mode & S_IWUSR != 0 else { throw FileIOError(path: path, reason: "is read-only") }
        guard access(target, W_OK) == 0 else {
            if errno == EACCES || errno == EROFS { throw FileIOError(path: path, reason: "is read-only") }
            throw .fromErrno(path)
        }
        if status.st_nlink > 1 {
            try overwrite(target, shownAs: path, with: bytes)
            return
        }
        let (temporary, descriptor) = TemporaryFiles.createUnguessable(beside: target, tag: "rewrite")
        if descriptor < 0 { throw .fromErrno(path) }
        // The owner first: changing it can clear set-id bits, which the mode then restores.
        let keptOwner =
            (status.st_uid == geteuid() && status.st_gid == getegid())
            || fchown(descriptor, status.st_uid, status.st_gid) == 0
        let written = keptOwner && fchmod(descriptor, status.st_mode & 0o7777) == 0 && writeAll(descriptor, bytes)
        let savedErrno = errno
        let closed = close(descriptor) == 0
        guard keptOwner else {
            // Not allowed to give a new file this owner: keep the file by writing into it.
            TemporaryFiles.remove(temporary)
            try overwrite(target, shownAs: path, with: bytes)
            return
        }
        guard written, closed else {
            let error = FileIOError.fromErrno(path, written ? errno : savedErrno)
            TemporaryFiles.remove(temporary)
            throw error
        }
        let renamed = TemporaryFiles.settle(files: [temporary]) { rename(temporary, target) == 0 ? nil : errno }
        if let failure = renamed {
            TemporaryFiles.remove(temporary)
            throw .fromErrno(path, failure)
        }
    }

    /// Writes `bytes` over the content of the regular file `target`, truncating what is left.
    private static func overwrite(_ target: String, shownAs path: String, with bytes: [UInt8]) throws(FileIOError) {
        let descriptor = open(target, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        if descriptor < 0 { throw .fromErrno(path) }
        defer { close(descriptor) }
        guard writeAll(descriptor, bytes), ftruncate(descriptor, off_t(bytes.count)) == 0 else { throw .fromErrno(path) }
    }
}

/// A set of files written all together or not at all.
///
/// `stage` writes each file's bytes to a temporary file beside its destination; `commit`
/// renames them into place once every file has been staged. If anything fails before `commit`,
/// the temporary files are removed and no destination is touched. (Two renames cannot be made
/// atomic together; a rename failing after others succeeded is reported, with the remaining
/// temporary files removed.)
public struct FileTransaction: ~Copyable {
    private var staged: [(temporary: String, destination: String)] = []
    private var stagingDirectory: StagingDirectory? = nil

    /// Creates an empty transaction.
    public init() {}

    /// Writes `bytes` to a temporary file that `commit` will rename to `path`, unless `path`
    /// already holds exactly these bytes: then the file is left alone.
    /// - Throws: `FileIOError` if the temporary file cannot be created or written; every file
    ///   staged so far is then removed.
    /// With `isPrivate`, the file is created readable by its owner only (it holds a sensitive
    /// value), and an unchanged file others can read is replaced all the same.
    public mutating func stage(_ bytes: [UInt8], at path: String, isPrivate: Bool = false) throws(FileIOError) {
        let temporary: String?
        do {
            temporary = try Self.writeTemporary(bytes, for: path, tag: String(staged.count), isPrivate: isPrivate)
        } catch {
            rollback()
            throw error
        }
        if let temporary { staged.append((temporary, path)) }
    }

    /// Takes over a temporary file written by `writeTemporary`: `commit` renames it to `path`,
    /// `rollback` (or the end of the transaction) removes it.
    public mutating func adopt(temporary: String, destination path: String) {
        staged.append((temporary, path))
    }

    /// Takes over a staging directory: `commit` renames it to its destination (the files in
    /// it, adopted with `adopt(temporary:destination:)`, go with it), `rollback` removes it.
    public mutating func adopt(_ directory: StagingDirectory) {
        stagingDirectory = directory
    }

    /// Writes `bytes` to a new temporary file beside `path` and returns its path, for a
    /// transaction to `adopt`; or returns nil, writing nothing, when `path` is already a regular
    /// file holding exactly `bytes`. Safe to call from several threads when each passes its own
    /// `tag`, which makes the name unique within the process.
    ///
    /// Unchanged outputs are not rewritten: their modification times stay, so tools that look
    /// at them (make, rsync, a pipeline's cache) see that nothing changed; and replacing
    /// thousands of files costs far more than reading them (on ext4, allocating inodes while
    /// freeing the replaced ones took most of a recompile).
    /// - Throws: `FileIOError` if the file cannot be created or written (nothing is left).
    /// With `isPrivate`, the file is readable by its owner only, and `path` counts as unchanged
    /// only when it is too.
    public static func writeTemporary(
        _ bytes: [UInt8], for path: String, tag: String, isPrivate: Bool = false
    ) throws(FileIOError) -> String? {
        try bytes.withUnsafeBufferPointer { (buffer) throws(FileIOError) -> String? in
            try writeTemporary(buffer, for: path, tag: tag, isPrivate: isPrivate)
        }
    }

    /// `writeTemporary(_:for:tag:)` for bytes in a buffer (a printer's `ByteWriter`).
    public static func writeTemporary(
        _ bytes: UnsafeBufferPointer<UInt8>, for path: String, tag: String, isPrivate: Bool = false
    ) throws(FileIOError) -> String? {
        if FileIO.regularFile(path, holds: bytes), !isPrivate || FileIO.isOwnerOnly(path) { return nil }
        let (temporary, descriptor) = TemporaryFiles.createUnguessable(beside: path, tag: tag, isPrivate: isPrivate)
        if descriptor < 0 { throw .fromErrno(path) }
        let ok = FileIO.writeAll(descriptor, bytes)
        let savedErrno = errno
        if close(descriptor) != 0 || !ok {
            let error = FileIOError.fromErrno(path, ok ? errno : savedErrno)
            TemporaryFiles.remove(temporary)
            throw error
        }
        return temporary
    }

    /// Renames every staged file into place.
    /// - Throws: `FileIOError` for the first rename that fails.
    public mutating func commit() throws(FileIOError) {
        let files = staged.map(\.temporary)
        let directories = stagingDirectory.map { [$0.path] } ?? []
        // No signal's cleanup can run between these renames: a run stopped now finishes them
        // first, so the outputs are never left half old and half new by Ctrl-C or SIGTERM.
        try TemporaryFiles.settle(files: files, directories: directories) { () throws(FileIOError) in
            try renameAll()
        }
    }

    private mutating func renameAll() throws(FileIOError) {
        if let directory = stagingDirectory {
            if rename(directory.path, directory.destination) == 0 {
                stagingDirectory = nil
                staged = []
                return
            }
            // Made by someone else since the run began: then the files go in one by one, as
            // into any existing directory.
            guard errno == EEXIST || errno == ENOTEMPTY else {
                let error = FileIOError.fromErrno(directory.destination)
                discardAll()
                throw error
            }
        }
        defer { discardAll() }
        // Every destination is checked before the first rename: a directory where a file is to
        // go made the run fail after it had already replaced the files renamed before it.
        for file in staged {
            var status = stat()
            if lstat(file.destination, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                throw FileIOError(path: file.destination, reason: "is a directory")
            }
        }
        for (index, file) in staged.enumerated() where rename(file.temporary, file.destination) != 0 {
            let error = FileIOError.fromErrno(file.destination)
            staged.removeFirst(index)
            throw error
        }
        staged = []
    }

    /// Removes what is still staged, under the registry's lock already held by `commit`.
    private mutating func discardAll() {
        for file in staged { unlink(file.temporary) }
        staged = []
        if let directory = stagingDirectory { TemporaryFiles.removeTree(directory.path) }
        stagingDirectory = nil
    }

    /// Removes every staged temporary file (and the staging directory); no destination is
    /// touched.
    public mutating func rollback() {
        for file in staged { TemporaryFiles.remove(file.temporary) }
        staged = []
        if let directory = stagingDirectory { TemporaryFiles.removeDirectory(directory.path) }
        stagingDirectory = nil
    }

    deinit {
        for file in staged { TemporaryFiles.remove(file.temporary) }
        if let directory = stagingDirectory { TemporaryFiles.removeDirectory(directory.path) }
    }
}

/// An output directory that does not exist yet, filled under a temporary name beside it and
/// renamed into place by `FileTransaction.commit`.
///
/// One rename then puts every file in place, where an existing directory takes one per file
/// (2,000 for a thousand distributions, all on the thread that commits, after everything else
/// is done); and a reader sees the directory whole or not at all. Files are written under
/// their own names: nothing else can be in a directory this process just made.
public struct StagingDirectory: Sendable {
    /// The temporary directory the files are written into.
    public let path: String
    /// The directory it becomes.
    public let destination: String

    /// Makes a staging directory for `destination` when nothing exists at that path (its
    /// missing parents are made, and returned for `FileIO.removeDirectories`); nil when
    /// something does (a directory, or a file or link that writing into will report), when the
    /// path ends in `.` or `..` (no directory can be renamed onto those), or when no staging
    /// directory can be made: then files are staged beside their destinations instead, and
    /// making the directory reports what is wrong.
    /// - Throws: `FileIOError` when a parent cannot be made.
    public static func make(for destination: String) throws(FileIOError) -> (directory: StagingDirectory, createdParents: [String])? {
        var trimmed = destination
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        let name = trimmed.lastIndex(of: "/").map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed
        var status = stat()
        guard !trimmed.isEmpty, trimmed != "/", name != ".", name != "..",
            lstat(trimmed, &status) != 0, errno == ENOENT
        else { return nil }
        let parent = FileIO.directoryName(trimmed)
        let createdParents = try FileIO.makeDirectories(parent)
        TemporaryFiles.sweepStale(in: parent)
        // A name of its own (the process, the time, a counter), never the destination's (which
        // could push it past the longest name allowed): a staging directory left by a killed
        // run, even of a process with the same id (containers), must not stop the next.
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        for attempt in 0..<16 {
            let path = parent + "/.cfc-" + String(getpid()) + "-" + String(clock.tv_nsec, radix: 36) + "-" + String(attempt) + ".tmp"
            // The mode `mkdir -p` would give the destination, so that the rename changes nothing.
            if TemporaryFiles.makeDirectory(path) {
                return (StagingDirectory(path: path, destination: trimmed), createdParents)
            }
            if errno != EEXIST { break }
        }
        FileIO.removeDirectories(createdParents)
        return nil
    }

    /// Writes `bytes` to a new file `name` in the staging directory.
    /// - Returns: the file's path, for `FileTransaction.adopt(temporary:destination:)`.
    /// - Throws: `FileIOError` if the file exists or cannot be written (nothing is left).
    /// With `isPrivate`, the file is readable by its owner only.
    public func write(_ bytes: UnsafeBufferPointer<UInt8>, named name: String, isPrivate: Bool = false) throws(FileIOError) -> String {
        let file = path + "/" + name
        // Recorded, so that a signal's cleanup, emptying the directory, is not racing a worker
        // that is still adding to it.
        let descriptor = TemporaryFiles.create(file, isPrivate: isPrivate)
        if descriptor < 0 { throw .fromErrno(destination + "/" + name) }
        let ok = FileIO.writeAll(descriptor, bytes)
        let savedErrno = errno
        if close(descriptor) != 0 || !ok {
            let error = FileIOError.fromErrno(destination + "/" + name, ok ? errno : savedErrno)
            TemporaryFiles.remove(file)
            throw error
        }
        return file
    }
}
