/// Names the program that wrote a TEI file, for its `appInfo`.
public struct ApplicationInfo: Sendable, Hashable {
    public var ident: String
    public var version: String
    public var label: String

    public init(ident: String, version: String, label: String) {
        self.ident = ident
        self.version = version
        self.label = label
    }
}
