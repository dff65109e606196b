
extension DirectiveRegistry {
    /// The directives the guide uses.
    public static var standard: DirectiveRegistry {
        DirectiveRegistry([SourcesDirective(), CertaintyGradesDirective()] + guideDirectives)
    }
}

/// The directives in `Directives/` (one file each), registered here.
package let guideDirectives: [any Directive] = [
    UnitsTableDirective(), FeeTableDirective(), PolicyTimelineDirective(), ChecklistDirective(),
    ModifiersDirective(), RuleComparisonDirective(),
    WorkedExamplesDirective(), CalculatorDirective(),
    CodeDescriptorDirective(), DiscrepanciesDirective(), LocalityFeesDirective(), FeeExampleDirective(), CodeIndicatorsDirective(),
    CodeUnitsDirective(), WhatChangedDirective(), FeeDownloadsDirective(),
    ZIPLookupDirective(), YearOutlookDirective(), CodeGlanceDirective(), NoteFormDirective(), LocalityPeriodsDirective(),
    LauncherDirective(),
]
