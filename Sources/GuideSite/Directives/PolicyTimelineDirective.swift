import SiteRender
import RulesText

/// ```` ```policy-timeline [topic …] ````: what changed by date (codes, conversion factors, telehealth,
/// consent, KX thresholds…), optionally limited to some topics.
package struct PolicyTimelineDirective: Directive {
    package let name = "policy-timeline"

    static let topicNames: [String: String] = [
        "codes": "Codes", "fee-schedule": "Fee schedule", "telehealth-list": "Telehealth list",
        "therapist-telehealth": "Therapists and telehealth", "consent": "Consent",
        "quantity-limits": "Quantity limits", "kx-threshold": "KX threshold", "medical-review": "Medical review threshold",
        "assistant-payment": "Assistant payment", "coinsurance": "Coinsurance", "sequestration": "Sequestration",
    ]

    /// A topic name inside a sentence: "Codes" → "codes", but "KX threshold" keeps its capitals.
    static func inSentence(_ name: String) -> String {
        let chars = Array(name)
        guard chars.count > 1, chars[0].isUppercase, chars[1].isLowercase else { return name }
        return chars[0].lowercased() + String(chars.dropFirst())
    }

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        let rules = context.site.data.rules
        try use.checkArguments { i, t in
            guard PolicyTimelineDirective.topicNames[t] != nil else {
                return DirectiveError("directive.unknown-topic",
                    "unknown topic '\(t)'",
                    hint: "accepted: \(PolicyTimelineDirective.topicNames.keys.sorted().joined(separator: ", "))")
            }
            return use.arguments[..<i].contains(t) ? DirectiveError("directive.topic-listed-twice", "topic '\(t)' is listed twice") : nil
        }
        let topics = Set(use.arguments)
        var cite = CitationCollector(context)
        var rows: [[HTML]] = []
        for e in rules.policyTimeline() where topics.isEmpty || topics.contains(e.topic) {
            rows.append([
                .text(e.date.description), .text(PolicyTimelineDirective.topicNames[e.topic] ?? e.topic),
                .text(RulesText.plain.timeline(e.change)), cite.linksMarked([e.source]),
            ])
        }
        let label = topics.isEmpty ? "What changed, by date" : "What changed, by date: "
            + use.arguments.map { PolicyTimelineDirective.inSentence(PolicyTimelineDirective.topicNames[$0] ?? $0) }
            .joined(separator: ", ")
        let html = dataTable(
            label: label, caption: label, headers: ["From", "Topic", "What changed", "Source"], rows: rows)
        return DirectiveOutput(html, citedSources: cite.ids)
    }
}
