import ECPACore

/// One row of a juror's score sheet: an entry they score, one criterion, and their current value.
/// Numbers are PostgreSQL's exact text without trailing zeros ("7.5", "10"), so a sheet written,
/// filled in and read back compares equal byte for byte.
public struct ScoreSheetRow: Sendable, Equatable {
    public var entry: EntryID
    public var country: String
    public var title: String
    public var criterion: String
    public var criterionName: String
    public var min: String
    public var max: String
    public var step: String
    public var value: String?
    public var comment: String?

    public init(
        entry: EntryID, country: String, title: String, criterion: String, criterionName: String,
        min: String, max: String, step: String, value: String?, comment: String?
    ) {
        self.entry = entry
        self.country = country
        self.title = title
        self.criterion = criterion
        self.criterionName = criterionName
        self.min = min
        self.max = max
        self.step = step
        self.value = value
        self.comment = comment
    }
}
