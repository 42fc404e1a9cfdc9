import Foundation

extension Edition {
    /// Submission rule: an edition opens (or stays open, when its deadline moves) only with a
    /// deadline still ahead at `now`; with one that has passed, it would refuse every entry.
    public func openingProblem(at now: Date) -> OpeningProblem? {
        guard let deadline = submissionsCloseAt else { return .noDeadline(year: year) }
        return deadline <= now ? .deadlinePassed(year: year, deadline: "\(LocalTime.format(deadline, in: zone)) (\(zone.identifier))") : nil
    }
}
