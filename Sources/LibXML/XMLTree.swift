import CLibXML2

/// An element of a parsed document, copied out of libxml2 into Swift values.
///
/// Readers that only walk a document (exports, site generators, tests) get a tree they can keep,
/// share between threads and drop without thinking about libxml2's memory: the libxml2 document
/// is freed as soon as the copy is made, so nothing leaks however the tree is used.
public struct XMLTreeElement: Sendable, Hashable {
    /// One child of an element: an element or a run of character data (text and CDATA).
    public enum Child: Sendable, Hashable {
        case element(XMLTreeElement)
        case text(String)
    }

    /// The local name, without any namespace prefix (`title`, `persName`).
    public var name: String
    /// The element's namespace URI, if it has one.
    public var namespace: String?
    /// Attributes in document order, keyed by their qualified name (`type`, `xml:id`, `xml:lang`).
    public var attributes: [(name: String, value: String)]
    public var children: [Child]

    public init(name: String, namespace: String? = nil, attributes: [(name: String, value: String)] = [], children: [Child] = []) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
    }

    /// The value of the attribute with this qualified name (`"xml:id"` for the XML namespace).
    public func attribute(_ qualifiedName: String) -> String? {
        attributes.first { $0.name == qualifiedName }?.value
    }

    /// Child elements, in order.
    public var elements: [XMLTreeElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// The first child element with this local name.
    public func first(_ name: String) -> XMLTreeElement? {
        for case .element(let element) in children where element.name == name { return element }
        return nil
    }

    /// Follows a path of local names through first children (`["fileDesc", "titleStmt", "title"]`).
    public func first(path: [String]) -> XMLTreeElement? {
        var current: XMLTreeElement? = self
        for name in path { current = current?.first(name) }
        return current
    }

    /// Every descendant element (depth first, document order) with this local name, or all of
    /// them when `name` is nil.
    public func descendants(named name: String? = nil) -> [XMLTreeElement] {
        var found: [XMLTreeElement] = []
        for element in elements {
            if name == nil || element.name == name { found.append(element) }
            found += element.descendants(named: name)
        }
        return found
    }

    /// All character data below this element, concatenated in document order.
    public var stringValue: String {
        var text = ""
        appendText(to: &text)
        return text
    }

    private func appendText(to text: inout String) {
        for child in children {
            switch child {
            case .text(let run): text += run
            case .element(let element): element.appendText(to: &text)
            }
        }
    }

    public static func == (lhs: XMLTreeElement, rhs: XMLTreeElement) -> Bool {
        lhs.name == rhs.name && lhs.namespace == rhs.namespace && lhs.children == rhs.children
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name) && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(namespace)
        for attribute in attributes {
            hasher.combine(attribute.name)
            hasher.combine(attribute.value)
        }
        hasher.combine(children)
    }
}

extension ParsedXML {
    /// The root element and everything below it, copied into Swift values (comments and
    /// processing instructions are left out: no reader of ours needs them).
    public func tree() -> XMLTreeElement? {
        guard let root = xmlDocGetRootElement(pointer) else { return nil }
        return Self.copy(root)
    }

    /// Parses untrusted bytes with the same safe settings as ``parse(_:name:)`` and returns the
    /// root element as Swift values; the libxml2 document is freed before this returns.
    public static func parseTree(_ bytes: [UInt8], name: String) throws(Failure) -> XMLTreeElement {
        let document = try parse(bytes, name: name)
        guard let root = document.tree() else {
            throw Failure(diagnostics: [XMLDiagnostic(line: 0, column: 0, message: "document has no root element")])
        }
        return root
    }

    private static func copy(_ node: xmlNodePtr) -> XMLTreeElement {
        var element = XMLTreeElement(name: string(node.pointee.name) ?? "")
        if let namespace = node.pointee.ns { element.namespace = string(namespace.pointee.href) }
        var attribute = node.pointee.properties
        while let current = attribute {
            let local = string(current.pointee.name) ?? ""
            let prefix = current.pointee.ns.flatMap { string($0.pointee.prefix) }
            let name = prefix.map { "\($0):\(local)" } ?? local
            var value = ""
            if let raw = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                value = String(cString: raw)
                scriptorium_xml_free(raw)
            }
            element.attributes.append((name: name, value: value))
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                element.children.append(.element(copy(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = string(current.pointee.content) ?? ""
                if case .text(let previous)? = element.children.last {
                    element.children[element.children.count - 1] = .text(previous + text)
                } else {
                    element.children.append(.text(text))
                }
            default:
                break
            }
            child = current.pointee.next
        }
        return element
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
