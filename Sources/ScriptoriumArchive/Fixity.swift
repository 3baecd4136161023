import Foundation
import ScriptoriumModel

extension ArchiveSnapshot {
    /// Checks the archive against itself: every original still hashes to the SHA-256 it is
    /// stored under, and every file the catalog lists exists. An empty result means nothing
    /// changed or went missing.
    public func fixityProblems() -> [Bag.Problem] {
        var problems: [Bag.Problem] = []
        for digest in storedDigests() {
            let relative = layout.originalRelativePath(digest)
            guard let (actual, _) = FileDigest.of(path: layout.absolute(relative)) else {
                problems.append(Bag.Problem(path: relative, problem: "cannot be read"))
                continue
            }
            if actual != digest {
                problems.append(Bag.Problem(path: relative, problem: "changed: its SHA-256 is now \(actual.hex)"))
            }
        }
        for entry in catalog.sources {
            var listed = [entry.original] + entry.documents.map(\.path)
            if let report = entry.report { listed.append(report) }
            if let quarantine = entry.quarantine { listed.append(quarantine.path) }
            for relative in listed where !FileManager.default.fileExists(atPath: layout.absolute(relative)) {
                problems.append(Bag.Problem(path: relative, problem: "missing (listed in the catalog for \(entry.sha256.hex))"))
            }
        }
        return problems
    }
}
