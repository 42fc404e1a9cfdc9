extension Sequence {
    /// The elements in order, cut into runs of neighbours that `same` calls equal: the tiers of an
    /// order that is already sorted.
    func runs(_ same: (Element, Element) -> Bool) -> [[Element]] {
        var runs: [[Element]] = []
        for element in self {
            if let last = runs.last?.last, same(last, element) {
                runs[runs.count - 1].append(element)
            } else {
                runs.append([element])
            }
        }
        return runs
    }
}
