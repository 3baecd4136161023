import Synchronization

/// A counter shared by copies of `ClaimFolder`, so claim ids never repeat within one run.
final class ClaimCounter: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int {
        value.add(1, ordering: .relaxed).newValue
    }
}
