
extension LoadSession {
    package static let authorities = ["primary", "contractor", "association", "secondary"]

    /// An id of sources.yaml or facts.yaml: lowercase kebab-case (a-z, 0-9, -), not empty. Ids are written in
    /// links (`source:ID`, `fact:ID`) and become anchors and class names (`source-ID`, `grade-ID`).
    static func isKebabCase(_ id: String) -> Bool {
        !id.isEmpty && id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    /// sources.yaml: `sources:` list of {id, title, publisher, url, date | accessed, authority, note?}. `date` is
    /// the publication date; `accessed` (used when the page carries no date) is the day the fact was checked.
    mutating func loadSources() -> [SourceRecord] {
        let (ctx, root) = openYAML(path("sources.yaml"))
        defer { finish(ctx) }
        guard let root else { return [] }
        var out: [SourceRecord] = []
        var seen: Set<String> = []
        root.forEachEntry("sources", "a source entry", finish: "a source") { m, item in
            let id = m.string("id", required: true)
            // (An id that is not kebab-case has an error at it, and may be the one a citation means.)
            if let id, LoadSession.isKebabCase(id) { namedSourceIDs.insert(id) } else { someSourceUnread = true }
            let title = m.text("title")
            let publisher = m.text("publisher")
            let url = m.string("url", required: true)
            let hasDate = m.node("date") != nil
            let date = m.date("date", required: !hasDate && m.node("accessed") == nil)
            let accessed = hasDate ? nil : m.date("accessed", required: false)
            let authority = m.string("authority", required: true)
            let note = m.string("note")
            guard let id, let title, let publisher, let url, let day = date ?? accessed, let authority else { return }
            if !LoadSession.isKebabCase(id) { m.node("id")?.error("sources.id-not-kebab-case", "source id '\(id)' must be lowercase kebab-case (a-z, 0-9, -)") }
            if seen.contains(id) { m.node("id")?.error("sources.duplicate-source", "duplicate source id '\(id)'") }
            seen.insert(id)
            let host = url.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).dropFirst(2).first ?? ""
            let urlProblem: String? =
                !(url.hasPrefix("https://") || url.hasPrefix("http://")) ? "url must start with https:// or http://"
                : url.contains(where: \.isWhitespace) ? "url must hold no spaces (write %20 for one)"
                : host.isEmpty ? "url must name a host after the //" : nil
            if let urlProblem { m.node("url")?.error("sources.bad-url", "\(urlProblem), found '\(url)'") }
            if !LoadSession.authorities.contains(authority) {
                m.node("authority")?.error("sources.unknown-authority",
                    "unknown authority '\(authority)'; accepted: \(LoadSession.authorities.joined(separator: ", "))")
            }
            out.append(
                SourceRecord(
                    id: id, title: title, publisher: publisher, url: url, date: day, authority: authority, note: note,
                    location: item.location, dateIsAccessed: date == nil))
        }
        root.finish("sources.yaml")
        return out
    }
}
