import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// An inotify descriptor watching inbox folders, read through a Dispatch read source.
///
/// Linux has no `DispatchSource.makeFileSystemObjectSource`; this is its replacement. Confined
/// to the queue given at creation: every method must be called there, and `onEvents` runs there.
final class Inotify {
    /// Files finished by a writer or renamed in; folders created or moved in; the folder itself going away.
    static let mask: UInt32 = InotifyEvent.closeWrite | InotifyEvent.movedTo | InotifyEvent.create | InotifyEvent.deleteSelf
        | InotifyEvent.moveSelf | InotifyEvent.onlyDirectory | InotifyEvent.dontFollow | InotifyEvent.excludeUnlinked

    private let descriptor: Int32
    private let source: any DispatchSourceRead
    private var folders: [Int32: String] = [:]
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)

    /// Opens the descriptor; `onEvents` gets each batch read, on `queue`.
    init(queue: DispatchQueue, onEvents: @escaping ([InotifyEvent]) -> Void) throws(WatchError) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw WatchError(problem: "cannot start inotify: \(String(cString: strerror(errno)))", path: "", remedy: "raise fs.inotify.max_user_instances (sysctl) or stop other watchers")
        }
        self.descriptor = descriptor
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setCancelHandler { close(descriptor) }
        source.setEventHandler { [unowned self] in
            let events = self.drain()
            if !events.isEmpty { onEvents(events) }
        }
    }

    func start() {
        source.resume()
    }

    /// Stops delivering events and closes the descriptor.
    func cancel() {
        source.cancel()
    }

    /// The folder a watch descriptor stands for.
    func folder(of watch: Int32) -> String? {
        folders[watch]
    }

    /// Watches `folder` (idempotent: the kernel returns the same descriptor for the same folder).
    func watch(_ folder: String) throws(WatchError) {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else {
            let code = errno
            let remedy = code == ENOSPC
                ? "raise fs.inotify.max_user_watches (sysctl); until then files in unwatched folders are found by the periodic rescan"
                : "check that the folder exists and is readable by this user"
            throw WatchError(problem: "cannot watch the folder: \(String(cString: strerror(code)))", path: folder, remedy: remedy)
        }
        folders[watch] = folder
    }

    /// Forgets a watch the kernel dropped (`IN_IGNORED`).
    func forget(_ watch: Int32) {
        folders[watch] = nil
    }

    /// Reads until the descriptor is empty (`EAGAIN`).
    private func drain() -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                break
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { events += InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return events
    }
}
