import Foundation
import ScriptoriumModel

/// One named boilerplate rule, as written in a rule file.
public struct LineRule: Sendable, Codable, Hashable {
    /// Whether the rule judges whole lines or removes a piece inside a line.
    public enum Scope: String, Sendable, Codable {
        case line, inline
    }

    /// What happens to what the rule matches.
    public enum Action: String, Sendable, Codable {
        /// Boilerplate: leaves the document (and is recorded).
        case remove
        /// Metadata: leaves the body for the header.
        case header
    }

    /// Examples that document and test the rule.
    public struct Examples: Sendable, Codable, Hashable {
        /// Text the rule must match.
        public var match: [String]
        /// Text the rule must leave alone.
        public var keep: [String]
    }

    public var id: String
    public var description: String
    /// BCP 47 code of the language the rule is for (`mul` for several).
    public var language: String
    public var scope: Scope
    public var action: Action
    public var headerKind: HeaderField.Kind?
    /// An ICU regular expression.
    public var pattern: String
    public var caseInsensitive: Bool?
    /// Lines longer than this (in characters) are never matched: long lines are prose.
    public var maxLength: Int?
    public var examples: Examples
}

/// A rule with its pattern compiled.
struct CompiledLineRule: Sendable {
    let rule: LineRule
    let expression: NSRegularExpression

    init(rule: LineRule, file: String) throws(RuleError) {
        guard !rule.pattern.isEmpty else {
            throw RuleError(file: file, ruleID: rule.id, problem: "the pattern is empty and would match everything", remedy: "write a pattern or delete the rule")
        }
        do {
            var options: NSRegularExpression.Options = []
            if rule.caseInsensitive == true { options.insert(.caseInsensitive) }
            expression = try NSRegularExpression(pattern: rule.pattern, options: options)
        } catch {
            throw RuleError(file: file, ruleID: rule.id, problem: "the pattern is not a valid regular expression (\(error))", remedy: "fix the pattern's syntax (ICU regular expressions)")
        }
        if expression.firstMatch(in: "", range: NSRange(location: 0, length: 0)) != nil {
            throw RuleError(file: file, ruleID: rule.id, problem: "the pattern matches the empty string", remedy: "make the pattern require at least one character")
        }
        if rule.action == .header && rule.headerKind == nil {
            throw RuleError(file: file, ruleID: rule.id, problem: "action \"header\" needs a headerKind", remedy: "add \"headerKind\": one of \(HeaderField.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.rule = rule
    }

    /// Whether the rule applies to the whole of `line`.
    func matches(line: String) -> Bool {
        if let maxLength = rule.maxLength, line.count > maxLength { return false }
        return expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }

    /// `line` with every match removed, or nil when nothing matched.
    func removingMatches(from line: String) -> String? {
        let range = NSRange(line.startIndex..., in: line)
        guard expression.firstMatch(in: line, range: range) != nil else { return nil }
        return expression.stringByReplacingMatches(in: line, range: range, withTemplate: "")
    }
}
