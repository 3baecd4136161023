import Foundation
import ScriptoriumModel

/// Reads sender and recipient from the heading of a letter, telegram or memorandum
/// ("Telegram From the Department of State to the Mission at the United Nations",
/// "Letter of the CC UCY to the CC CPSU with an exposition of…").
enum CorrespondenceReader {
    private static let heading = try! NSRegularExpression(
        pattern: "^(?:Circular )?(?:Letter|Telegram|Memorandum|Message|Note|Despatch|Dispatch|Airgram|Cable|Telegramm|Brief|Lettre)s?\\b(?: [^ ]+){0,3}? (?:From|from|of|by) (.+?) (?:to|To|for) (.+)$")
    /// Where the recipient stops and the heading's description begins.
    private static let tail = try! NSRegularExpression(pattern: "\\s+(?:with|on|concerning|regarding|about|containing|transmitting)\\s.*$")

    static func read(_ title: String) -> Correspondence? {
        let range = NSRange(title.startIndex..., in: title)
        guard let match = heading.firstMatch(in: title, range: range),
              let senderRange = Range(match.range(at: 1), in: title), let recipientRange = Range(match.range(at: 2), in: title)
        else { return nil }
        var sender = String(title[senderRange])
        var recipient = String(title[recipientRange])
        // "the Minister to Hungary (Wailes) to the Secretary": the sender's own "to" ends at a name in brackets.
        if let split = title[senderRange.lowerBound...].range(of: ") to ") {
            sender = String(title[senderRange.lowerBound..<split.lowerBound]) + ")"
            recipient = String(title[split.upperBound...])
        }
        recipient = tail.stringByReplacingMatches(in: recipient, range: NSRange(recipient.startIndex..., in: recipient), withTemplate: "")
        sender = sender.trimmingCharacters(in: .whitespaces)
        recipient = recipient.trimmingCharacters(in: .whitespaces)
        guard !sender.isEmpty, !recipient.isEmpty else { return nil }
        return Correspondence(sender: sender, recipient: recipient)
    }
}
