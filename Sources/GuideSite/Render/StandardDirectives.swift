extension DirectiveRegistry {
    /// The directives the guide uses.
    public static var standard: DirectiveRegistry {
        DirectiveRegistry([])
    }
}
