import Foundation
import ScriptoriumModel
#if canImport(Glibc)
import Glibc
#endif

/// A BagIt bag (RFC 8493) of an archive, so standard preservation tools (bagit-python,
/// the Library of Congress's bagit-java) can verify it: `bagit.txt`, `bag-info.txt`, the
/// payload under `data/` and SHA-256 manifests of payload and tag files.
///
/// The payload is the catalog, the originals and the TEI files (plus reports and quarantine
/// reasons), hard-linked from the archive when the bag is on the same file system, so a bag of
/// a million documents costs no extra space and verifying the bag verifies the archive's files.
public struct Bag: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root.hasSuffix("/") && root.count > 1 ? String(root.dropLast()) : root
    }

    /// The archive folders that go into the payload, in this order.
    static let payloadFolders = ["sources", "tei", "reports", "quarantine"]

    /// What `write` put in the bag.
    public struct Summary: Sendable, Equatable {
        public var files: Int
        public var bytes: Int
    }

    /// Writes (or rewrites) the bag from `store`'s archive. The archive is locked by `store`.
    public func write(from store: ArchiveStore, bagged: Date = Date()) throws(ArchiveError) -> Summary {
        let layout = store.layout
        // A fresh payload every time: a bag must list exactly what the archive holds now.
        try? FileManager.default.removeItem(atPath: root + "/data")
        try DurableFile.makeFolder(root + "/data")
        var relativePaths: [String] = []
        if FileManager.default.fileExists(atPath: layout.catalogPath) { relativePaths.append("catalog.json") }
        for folder in Self.payloadFolders {
            relativePaths += Self.files(below: layout.root + "/" + folder).map { folder + "/" + $0 }
        }
        var manifest: [String] = []
        var total = 0
        for relative in relativePaths {
            let source = layout.root + "/" + relative
            let target = root + "/data/" + relative
            try DurableFile.makeFolder((target as NSString).deletingLastPathComponent)
            if link(source, target) != 0 {
                // Another file system: copy instead.
                try DurableFile.write(try DurableFile.read(source), to: target)
            }
            guard let (digest, size) = FileDigest.of(path: target) else {
                throw ArchiveError(problem: "cannot read a file just put into the bag", path: target, remedy: "check the bag folder's disk")
            }
            manifest.append("\(digest.hex)  data/\(Self.escape(relative))")
            total += size
        }
        try DurableFile.write(Array("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8), to: root + "/bagit.txt")
        let info = [
            "Source-Organization: Scriptorium archive",
            "External-Description: Originals (sources/, named by SHA-256), validated TEI P5 (tei/), cleaning reports and quarantine reasons of a Scriptorium archive, with its catalog.",
            "Bagging-Date: \(Self.day(bagged))",
            "Payload-Oxum: \(total).\(relativePaths.count)",
            "Bag-Software-Agent: scriptorium",
        ]
        try DurableFile.write(Array((info.joined(separator: "\n") + "\n").utf8), to: root + "/bag-info.txt")
        try DurableFile.write(Array((manifest.joined(separator: "\n") + (manifest.isEmpty ? "" : "\n")).utf8), to: root + "/manifest-sha256.txt")
        var tags: [String] = []
        for tag in ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"] {
            guard let (digest, _) = FileDigest.of(path: root + "/" + tag) else { continue }
            tags.append("\(digest.hex)  \(tag)")
        }
        try DurableFile.write(Array((tags.joined(separator: "\n") + "\n").utf8), to: root + "/tagmanifest-sha256.txt")
        return Summary(files: relativePaths.count, bytes: total)
    }

    /// A problem found by `verify`.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var problem: String
        public var description: String { "\(path): \(problem)" }
    }

    /// Re-checks every manifest entry (payload and tag files) and looks for payload files that no
    /// manifest lists. An empty result means the bag is complete and unchanged.
    public func verify() -> [Problem] {
        var problems: [Problem] = []
        guard FileManager.default.fileExists(atPath: root + "/bagit.txt") else {
            return [Problem(path: root, problem: "not a bag (no bagit.txt); run `scriptorium bag` first")]
        }
        var listed = Set<String>()
        for manifest in ["manifest-sha256.txt", "tagmanifest-sha256.txt"] {
            guard let bytes = try? DurableFile.read(root + "/" + manifest) else {
                problems.append(Problem(path: manifest, problem: "the manifest is missing"))
                continue
            }
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
                let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
                guard parts.count == 2, let expected = SourceDigest(hex: String(parts[0])) else {
                    problems.append(Problem(path: manifest, problem: "unreadable line: \(line)"))
                    continue
                }
                let relative = Self.unescape(String(parts[1]).trimmingCharacters(in: .whitespaces))
                listed.insert(relative)
                guard let (actual, _) = FileDigest.of(path: root + "/" + relative) else {
                    problems.append(Problem(path: relative, problem: "missing"))
                    continue
                }
                if actual != expected {
                    problems.append(Problem(path: relative, problem: "changed: SHA-256 is \(actual.hex), the manifest says \(expected.hex)"))
                }
            }
        }
        for relative in Self.files(below: root + "/data") where !listed.contains("data/" + relative) {
            problems.append(Problem(path: "data/" + relative, problem: "not in the manifest"))
        }
        return problems
    }

    /// Regular files below `folder`, relative and sorted; temporary files of interrupted writes
    /// are not part of an archive.
    static func files(below folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard !name.hasPrefix(".") else { continue }
            var info = stat()
            if lstat(folder + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG { found.append(relative) }
        }
        return found.sorted()
    }

    /// RFC 8493 §2.1.3: CR, LF and % in manifest paths are percent-encoded.
    static func escape(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\n", with: "%0A").replacingOccurrences(of: "\r", with: "%0D")
    }

    static func unescape(_ path: String) -> String {
        path.replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%25", with: "%")
    }

    static func day(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday)
    }
}
