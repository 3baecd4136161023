/// The opening group of a letter or telegram: where and when it was written, to whom, and
/// the salutation (`opener` with `dateline`, `address` and `salute`).
public struct Opener<Content: Sendable & Hashable>: Sendable, Hashable {
    public var dateline: Content?
    /// Lines naming the addressee ("To the first secretary of the CC CPSU,").
    public var address: [Content]
    public var salute: Content?

    public init(dateline: Content? = nil, address: [Content] = [], salute: Content? = nil) {
        self.dateline = dateline
        self.address = address
        self.salute = salute
    }

    public var isEmpty: Bool { dateline == nil && address.isEmpty && salute == nil }

    public func map<Other>(_ transform: (Content) throws -> Other) rethrows -> Opener<Other> {
        Opener<Other>(dateline: try dateline.map(transform), address: try address.map(transform), salute: try salute.map(transform))
    }

    public var contents: [Content] { (dateline.map { [$0] } ?? []) + address + (salute.map { [$0] } ?? []) }
}

/// The closing group of a letter or telegram: the closing formula and the signature
/// (`closer` with `salute` and `signed`).
public struct Closer<Content: Sendable & Hashable>: Sendable, Hashable {
    public var salute: Content?
    /// The signature as printed, one entry per line ("On behalf of …", "(I.B. Tito)").
    public var signed: [Content]

    public init(salute: Content? = nil, signed: [Content] = []) {
        self.salute = salute
        self.signed = signed
    }

    public func map<Other>(_ transform: (Content) throws -> Other) rethrows -> Closer<Other> {
        Closer<Other>(salute: try salute.map(transform), signed: try signed.map(transform))
    }

    public var contents: [Content] { (salute.map { [$0] } ?? []) + signed }
}
