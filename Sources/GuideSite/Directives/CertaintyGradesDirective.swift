import SiteContent
import SiteRender
import GuideData

/// ```` ```certainty-grades ````: each certainty grade of data/facts.yaml, strongest first, with the anchor
/// `grade-<id>` its markers link to, the marker's wording, what it means, and the facts the guide grades so (each
/// with its sources; `ref`, where the research notes grade it, is for maintainers and not shown).
package struct CertaintyGradesDirective: Directive {
    package let name = "certainty-grades"

    package func render(_ use: DirectiveUse, context: DirectiveContext) throws(DirectiveError) -> DirectiveOutput {
        guard use.arguments.isEmpty else { throw DirectiveError(.directiveArguments, "takes no arguments", at: use.location(ofArgument: 0)) }
        let certainty = context.site.data.certainty
        guard !certainty.grades.isEmpty else { throw DirectiveError(.directiveMissingData, "data/facts.yaml defines no grades") }
        var entries: [HTML] = [.newline]
        var cited: [String] = []
        for grade in certainty.grades {
            let badge = HTML.el("span", [.class("grade grade-\(grade.id)")], .text(grade.badge))
            let marker: HTML = grade.marked ? badge : .el("strong", [], .text("\(grade.badge): no marker"))
            entries += [.el("dt", [.id(CertaintyCheck.anchor(grade))], marker), .newline]
            var items: [HTML] = [.newline]
            for fact in certainty.facts where fact.grade == grade.id {
                var links: [HTML] = []
                for id in fact.sources {
                    guard let s = context.site.data.source(id) else { continue }
                    cited.append(id)
                    let label = HTML.text(s.citationLabel)
                    links.append(.citation(id, context.url(forSource: id).map { .a(href: $0, label) } ?? label))
                }
                let mark: HTML = grade.marked ? .group([" ", badge]) : .group([])
                items += [
                    .el(
                        "li", [.id("fact-" + fact.id)], .text(fact.says + " ("), .joined(links, separator: "; "),
                        .text(")"), .citation(Certainty.citationPrefix + fact.id, mark)),
                    .newline,
                ]
            }
            var dd: [HTML] = [.el("p", [], .text(grade.meaning))]
            if items.count > 1 { dd.append(.el("ul", children: items)) }
            entries += [.el("dd", children: dd), .newline]
        }
        return DirectiveOutput(.el("dl", [.class("grade-list")], children: entries), citedSources: cited)
    }
}
