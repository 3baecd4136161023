import Foundation
import ScriptoriumText

/// Stop-word lists of several languages, read from `Rules/stopwords/<language>.txt`: the
/// classifier's main evidence that a line is running prose in the page's language.
///
/// One dictionary maps each word to the set of languages listing it (a bit mask), so a page
/// costs one lookup per word whatever the number of languages.
public struct StopWords: Sendable {
    /// Language codes, in file-name order; a language's bit is its position here.
    public let languages: [String]
    private let masks: [String: UInt64]

    /// The folder inside the rules folder.
    public static let folderName = "stopwords"

    init(lists: [String: [String]]) {
        languages = lists.keys.sorted()
        var masks: [String: UInt64] = [:]
        for (position, language) in languages.enumerated() {
            for word in lists[language] ?? [] {
                masks[word, default: 0] |= 1 << UInt64(position)
            }
        }
        self.masks = masks
    }

    /// Reads every `*.txt` in `folder`: one word a line, `#` starts a comment line.
    static func load(from folder: URL) throws(RuleError) -> StopWords {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        } catch {
            throw RuleError(file: folder.path, problem: "cannot read the stop-word folder", remedy: "check that the rules folder holds \(folderName)/ with one <language>.txt per language")
        }
        guard !names.isEmpty, names.count <= 64 else {
            throw RuleError(file: folder.path, problem: "found \(names.count) stop-word lists; 1 to 64 are supported", remedy: "keep one <language>.txt per language in \(folderName)/")
        }
        var lists: [String: [String]] = [:]
        for name in names {
            let url = folder.appendingPathComponent(name)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw RuleError(file: url.path, problem: "not a readable UTF-8 file", remedy: "save the list as UTF-8, one word a line")
            }
            lists[String(name.dropLast(4))] = text.split(separator: "\n").compactMap { line in
                let word = line.trimmedWhitespace.lowercased()
                return word.isEmpty || word.hasPrefix("#") ? nil : word
            }
        }
        return StopWords(lists: lists)
    }

    /// The languages (bit mask) listing `word`, which must be lower-case.
    func mask(of word: String) -> UInt64 {
        masks[word] ?? 0
    }
}
