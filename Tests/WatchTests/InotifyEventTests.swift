import Testing
@testable import ScriptoriumWatch

@Suite struct InotifyEventTests {
    /// Builds the bytes the kernel would return: a 16-byte header and a NUL-padded name.
    func raw(watch: Int32, mask: UInt32, name: String, padTo: Int = 16) -> [UInt8] {
        var bytes: [UInt8] = []
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        var nameBytes = Array(name.utf8)
        if !nameBytes.isEmpty {
            nameBytes.append(0)
            while nameBytes.count % padTo != 0 { nameBytes.append(0) }
        }
        append(watch)
        append(mask)
        append(UInt32(0))
        append(UInt32(nameBytes.count))
        return bytes + nameBytes
    }

    @Test func parsesConsecutiveEventsWithPaddedNames() {
        let buffer = raw(watch: 1, mask: InotifyEvent.closeWrite, name: "a.txt")
            + raw(watch: 2, mask: InotifyEvent.movedTo | InotifyEvent.isDirectory, name: "Übersetzungen")
            + raw(watch: -1, mask: InotifyEvent.queueOverflow, name: "")
        let events = buffer.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(events == [
            InotifyEvent(watch: 1, mask: InotifyEvent.closeWrite, name: "a.txt"),
            InotifyEvent(watch: 2, mask: InotifyEvent.movedTo | InotifyEvent.isDirectory, name: "Übersetzungen"),
            InotifyEvent(watch: -1, mask: InotifyEvent.queueOverflow, name: ""),
        ])
        #expect(events[1].has(InotifyEvent.isDirectory))
        #expect(!events[0].has(InotifyEvent.isDirectory))
    }

    @Test func aNameThatIsNotUTF8IsLeftEmptyForTheRescanToReport() {
        var buffer = raw(watch: 1, mask: InotifyEvent.closeWrite, name: "ab")
        buffer[16] = 0xFF
        let events = buffer.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(events.map(\.name) == [""])
    }

    @Test func aTruncatedEventAtTheEndIsNotParsed() {
        let buffer = raw(watch: 1, mask: InotifyEvent.closeWrite, name: "a.txt") + raw(watch: 1, mask: InotifyEvent.closeWrite, name: "b.txt").dropLast(4)
        let events = buffer.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(events.map(\.name) == ["a.txt"])
    }
}
