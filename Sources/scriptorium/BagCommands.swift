import ArgumentParser
import Foundation
import ScriptoriumArchive

struct BagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bag",
        abstract: "Write a BagIt (RFC 8493) bag of the archive's originals and TEI files with SHA-256 manifests.",
        discussion: """
            The payload (catalog, sources/, tei/, reports/, quarantine/) is hard-linked from the \\
            archive when the bag is on the same file system. Verify it with `scriptorium verify` \\
            or any BagIt tool (e.g. `bagit.py --validate DIR`).
            """
    )

    @Option(help: "Archive folder.") var archive = "Archive"
    @Option(help: "Bag folder (default: ARCHIVE/bag).") var out: String?

    func run() throws {
        do {
            let store = try ArchiveStore(root: archive)
            let bag = Bag(root: out ?? archive + "/bag")
            let summary = try bag.write(from: store)
            print("bagged \(summary.files) files (\(summary.bytes) bytes) into \(bag.root)")
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-check every checksum (fixity) and report any file that changed or went missing.",
        discussion: """
            Checks that every original still hashes to the SHA-256 it is stored under and that \\
            every file the catalog lists exists; then, when the archive has a bag, every entry of \\
            its manifests. Exit 1 when anything changed.
            """
    )

    @Option(help: "Archive folder.") var archive = "Archive"
    @Option(help: "Bag folder (default: ARCHIVE/bag, when it exists).") var bag: String?

    func run() throws {
        let snapshot: ArchiveSnapshot
        do {
            snapshot = try ArchiveSnapshot(root: archive)
        } catch {
            printError("scriptorium: \(error)")
            throw ExitCode(2)
        }
        var problems = snapshot.fixityProblems().map { "\(archive)/\($0.path): \($0.problem)" }
        let bagRoot = bag ?? archive + "/bag"
        let checkedBag = bag != nil || FileManager.default.fileExists(atPath: bagRoot + "/bagit.txt")
        if checkedBag {
            problems += Bag(root: bagRoot).verify().map { "\(bagRoot)/\($0.path): \($0.problem)" }
        }
        for problem in problems { print(problem) }
        printError("\(snapshot.storedDigests().count) originals checked\(checkedBag ? ", bag \(bagRoot) checked" : ""): \(problems.count) problem\(problems.count == 1 ? "" : "s")")
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
