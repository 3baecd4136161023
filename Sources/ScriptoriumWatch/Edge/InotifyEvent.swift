/// One event read from an inotify descriptor, parsed from `struct inotify_event` by offsets
/// (Swift imports the struct without its flexible `name` member).
public struct InotifyEvent: Sendable, Hashable {
    public var watch: Int32
    public var mask: UInt32
    /// The entry's name inside the watched folder; empty for events on the folder itself, and
    /// for names that are not valid UTF-8 (rescans report those).
    public var name: String

    public static let closeWrite: UInt32 = 0x0000_0008
    public static let movedTo: UInt32 = 0x0000_0080
    public static let create: UInt32 = 0x0000_0100
    public static let deleteSelf: UInt32 = 0x0000_0400
    public static let moveSelf: UInt32 = 0x0000_0800
    public static let queueOverflow: UInt32 = 0x0000_4000
    public static let ignored: UInt32 = 0x0000_8000
    public static let onlyDirectory: UInt32 = 0x0100_0000
    public static let dontFollow: UInt32 = 0x0200_0000
    public static let excludeUnlinked: UInt32 = 0x0400_0000
    public static let isDirectory: UInt32 = 0x4000_0000

    public init(watch: Int32, mask: UInt32, name: String) {
        self.watch = watch
        self.mask = mask
        self.name = name
    }

    public func has(_ flag: UInt32) -> Bool { mask & flag != 0 }

    /// Parses every complete event in `bytes` (a buffer filled by `read(2)` on the descriptor).
    public static func parse(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        let header = 16
        while offset + header <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            guard offset + header + length <= bytes.count else { break }
            let nameBytes = UnsafeRawBufferPointer(rebasing: bytes[(offset + header)..<(offset + header + length)])
            // Names are NUL-padded to an alignment boundary.
            let end = nameBytes.firstIndex(of: 0) ?? nameBytes.count
            let name = String(validating: nameBytes[..<end], as: UTF8.self) ?? ""
            events.append(InotifyEvent(watch: watch, mask: mask, name: name))
            offset += header + length
        }
        return events
    }
}
