/// A first-in first-out queue with O(1) removal at the front, so a burst of many thousand
/// waiting files costs linear time, not quadratic.
struct FIFO<Element: Sendable>: Sendable {
    private var items: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }
    var count: Int { items.count - head }

    mutating func append(_ item: Element) {
        items.append(item)
    }

    mutating func popFirst() -> Element? {
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }

    mutating func removeAll() {
        items = []
        head = 0
    }

    func contains(where predicate: (Element) -> Bool) -> Bool {
        items[head...].contains(where: predicate)
    }
}
