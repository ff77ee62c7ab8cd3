#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything cfc has put on disk that is not yet an output: temporary files, staging
/// directories, and the directories made to hold them. One registry, so that a run stopped by
/// SIGINT or SIGTERM can take all of it away before it exits, and so that a rename set is
/// never cut in half by a signal.
///
/// Every creation and every commit happens under the registry's lock. The thread that handles
/// signals (`Interruption`) takes the same lock to clean up: a signal that arrives during a
/// commit waits for the commit's renames to finish, and one that arrives during creation waits
/// until the new file is recorded, so nothing is created that cleanup does not know about.
public enum TemporaryFiles {
    struct Registry {
        var files: Set<String> = []
        var directories: Set<String> = []
        /// Directories made for outputs (`mkdir -p`), innermost last: removed when empty.
        var createdDirectories: [String] = []
    }

    static let registry = Locked(Registry())

    /// Creates `path` exclusively (`FileIO.createNewFile`) and records it; -1 with `errno` set
    /// when it cannot be created.
    public static func create(_ path: String, isPrivate: Bool = false) -> Int32 {
        registry.withLock { registry in
            let descriptor = FileIO.createNewFile(path, isPrivate: isPrivate)
            if descriptor >= 0 { registry.files.insert(path) }
            return descriptor
        }
    }

    /// Creates a new temporary file beside `path` (in its directory), exclusively, never
    /// through a link, under a name nobody can guess, and records it; returns its path and
    /// descriptor (-1 with `errno` set when it cannot be created). The directory may be shared:
    /// a symbolic link planted at a predictable name made cfc write through it, outside the
    /// directory, and leave the link as the output. Temporaries that runs now gone left in
    /// that directory are removed first (`sweepStale`).
    ///
    /// Files are created one at a time, under the registry's lock (their bytes are still
    /// written in parallel): threads creating files in one directory otherwise spin in the
    /// kernel on the directory's lock, burning the CPU the other threads need. On ext4, 2,000
    /// files from two workers took 0.6 s of system time that way, and 0.15 s serialized.
    public static func createUnguessable(beside path: String, tag: String, isPrivate: Bool = false) -> (path: String, descriptor: Int32) {
        let directory = FileIO.directoryName(path)
        sweepStale(in: directory)
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        var generator = SystemRandomNumberGenerator()
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<8 {
            let random = String(generator.next(), radix: 16)
            temporary =
                directory + "/.cfc-" + String(getpid()) + "-" + tag + "-" + String(repeating: "0", count: 16 - random.count)
                + random + "-" + name + ".tmp"
            descriptor = create(temporary, isPrivate: isPrivate)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        return (temporary, descriptor)
    }

    /// Makes the directory `path` and records it (with everything that will be written into
    /// it); false with `errno` set when it cannot be made.
    public static func makeDirectory(_ path: String) -> Bool {
        registry.withLock { registry in
            guard mkdir(path, 0o777) == 0 else { return false }
            registry.directories.insert(path)
            return true
        }
    }

    /// Records directories made on the way to an output, for cleanup to remove if empty.
    public static func recordCreated(_ directories: [String]) {
        guard !directories.isEmpty else { return }
        registry.withLock { $0.createdDirectories += directories }
    }

    /// Forgets directories made on the way to an output (they now hold it, or are gone).
    public static func forgetCreated(_ directories: [String]) {
        guard !directories.isEmpty else { return }
        registry.withLock { registry in registry.createdDirectories.removeAll { directories.contains($0) } }
    }

    /// Removes the temporary file `path` and forgets it.
    public static func remove(_ path: String) {
        registry.withLock { registry in
            unlink(path)
            registry.files.remove(path)
        }
    }

    /// Removes the staging directory `path` (and anything left in it) and forgets it.
    public static func removeDirectory(_ path: String) {
        registry.withLock { registry in
            removeTree(path)
            registry.directories.remove(path)
        }
    }

    /// Runs `body` (the renames of a commit) with no cleanup able to run in between, then
    /// forgets `files` and `directories`: whatever `body` did not rename, it removed.
    public static func settle<Result, Failure: Error>(
        files: [String], directories: [String] = [], _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try registry.withLock { (registry) throws(Failure) -> Result in
            defer {
                for file in files { registry.files.remove(file) }
                for directory in directories { registry.directories.remove(directory) }
            }
            return try body()
        }
    }

    /// Removes everything recorded and ends the process with `status`, without ever letting
    /// go of the lock: a worker still running must not create a file after the cleanup.
    static func removeAllAndExit(status: Int32) -> Never {
        registry.withLock { registry in
            for file in registry.files { unlink(file) }
            for directory in registry.directories { removeTree(directory) }
            for directory in registry.createdDirectories.reversed() { rmdir(directory) }
            _exit(status)
        }
    }

    /// Removes `path` and what is in it, never following a symbolic link: only what cfc
    /// itself writes into a staging directory (regular files) is expected there, and anything
    /// else is unlinked, not entered.
    static func removeTree(_ path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            unlink(path)
            return
        }
        if let directory = opendir(path) {
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                removeTree(path + "/" + name)
            }
            closedir(directory)
        }
        rmdir(path)
    }

    // MARK: Temporaries of runs that died

    /// The directories already swept by this process.
    private static let swept = Locked(Set<String>())

    /// Removes from `directory` the temporary files and staging directories of cfc runs whose
    /// process is gone (killed with SIGKILL, or by the machine's end). Their names carry the
    /// process id (`.cfc-PID-….tmp`); one whose process still runs, or whose id is now some
    /// other process's, is left alone. Once per directory per run.
    public static func sweepStale(in directory: String) {
        let first = swept.withLock { $0.insert(directory).inserted }
        guard first, let handle = opendir(directory) else { return }
        var stale: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard let process = processID(inTemporaryName: name), process != getpid(),
                kill(process, 0) != 0, errno == ESRCH
            else { continue }
            stale.append(directory + "/" + name)
        }
        closedir(handle)
        for path in stale { removeTree(path) }
    }

    /// The process id in a cfc temporary name (`.cfc-PID-anything.tmp`), or nil for any other
    /// name.
    static func processID(inTemporaryName name: String) -> pid_t? {
        guard name.hasPrefix(".cfc-"), name.hasSuffix(".tmp") else { return nil }
        let digits = name.utf8.dropFirst(5).prefix { $0 >= 0x30 && $0 <= 0x39 }
        guard !digits.isEmpty, digits.count <= 10,
            name.utf8.dropFirst(5 + digits.count).first == UInt8(ascii: "-"),
            let value = Int32(String(decoding: digits, as: UTF8.self)), value > 0
        else { return nil }
        return value
    }
}

/// How a cfc process ends when it is told to stop.
///
/// SIGINT (Ctrl-C) and SIGTERM (a CI job's timeout, `docker stop`) end the run with status 130
/// or 143, as shells report them, after removing every temporary file, staging directory and
/// directory made for outputs (`TemporaryFiles`): an interrupted run leaves the outputs as they
/// were before it, or (when the signal arrives during the final renames) as the run finished
/// them. SIGKILL cannot be caught: what it can leave is documented in the README, and the next
/// run removes the temporaries (`TemporaryFiles.sweepStale`).
///
/// The signals are blocked in every thread and taken by one thread that waits for them
/// (`sigwait`), so that cleanup runs as ordinary code, under the registry's lock, rather than in
/// a signal handler where almost nothing is safe to call.
///
/// SIGXFSZ (a write beyond `ulimit -f`) is ignored, so that the write fails with EFBIG and is
/// reported as an `io.write` error instead of killing the process with no message.
public enum Interruption {
    /// The signals that stop a run with cleanup.
    static let stopping: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handling. Call first thing in `main`, before any thread is started, so that
    /// every thread inherits the blocked signals.
    public static func install() {
        signal(SIGXFSZ, SIG_IGN)
        var set = sigset_t()
        sigemptyset(&set)
        for signal in stopping { sigaddset(&set, signal) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { _ in
                var set = sigset_t()
                sigemptyset(&set)
                for signal in Interruption.stopping { sigaddset(&set, signal) }
                var received: Int32 = 0
                while sigwait(&set, &received) != 0 {}
                TemporaryFiles.removeAllAndExit(status: 128 + received)
            }, nil)
        if started == 0 {
            pthread_detach(thread)
        } else {
            // No thread, no cleanup: better the default behavior than signals that do nothing.
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
        }
    }
}

/// What the process needs from its limits before it starts work.
public enum ProcessResources {
    /// The file descriptors a run needs free: the input, one file being written per worker,
    /// and what libdispatch opens for its workers. With fewer, libdispatch stopped the process
    /// with SIGILL and no message, leaving a staging directory behind.
    public static var descriptorsNeeded: Int { 8 + Parallel.processorCount }

    /// A message saying why the process cannot run, or nil when it can: fewer than
    /// `descriptorsNeeded` file descriptors can be opened (`ulimit -n`).
    public static func shortage() -> String? {
        var opened: [Int32] = []
        defer { for descriptor in opened { close(descriptor) } }
        while opened.count < descriptorsNeeded {
            let descriptor = open("/dev/null", O_RDONLY | O_CLOEXEC)
            if descriptor < 0 {
                guard errno == EMFILE || errno == ENFILE else { return nil }
                var limit = rlimit()
                getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
                return "too few file descriptors: cfc needs \(descriptorsNeeded) free and could open \(opened.count) "
                    + "(the limit, ulimit -n, is \(limit.rlim_cur)); raise the limit and run again"
            }
            opened.append(descriptor)
        }
        return nil
    }
}
