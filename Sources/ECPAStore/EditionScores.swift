import ECPACore
import Foundation
import LibPQ

/// An edition's scoring as the current role may see it: the scheme, the rankable entries, the
/// voting jurors and the score matrix the ranking engine works on.
public struct EditionScores: Sendable {
    public var edition: Edition
    public var scheme: ScoringScheme
    /// Eligible competing entries: the ones that are ranked.
    public var entries: [Entry]
    /// Voting jurors only; advisory members never count.
    public var jurors: [Juror]
    public var matrix: ScoreMatrix
    /// What the edition declared when its scoring opened; nil before.
    public var declaration: Declaration?
    /// The deliberation's revisions the role may read, oldest first; already in `matrix` when the
    /// revised scores decide.
    public var revisions: [Revision] = []
    /// The final ballot once it has closed and the role may read it (the secretariat, or everyone
    /// once published); nil before, or when the edition holds none.
    public var ballot: BallotRecord? = nil

    /// Loads everything the current role may see from the tables, or (`.published`) what a
    /// published edition shows everyone.
    public static func load(edition: Edition, db: any SQLExecutor, source: RecordSource = .live) throws -> EditionScores {
        let scheme = try SchemeRepository(db).requireScheme(edition: edition)
        let entries = try EntryRepository(db).fetchEntries(edition: edition.id, state: .eligible, source: source, answers: false)
            .filter { $0.kind == .competing }
        let jurors = try JuryRepository(db).fetchJurors(edition: edition.id, source: source).filter(\.voting)
        let conflicts = try JuryRepository(db).fetchConflicts(edition: edition.id, source: source)
        let abstentions = try ScoreRepository(db).fetchAbstentions(edition: edition.id, source: source)
        var matrix = ScoreMatrix(
            scheme: scheme, entries: entries.map(\.id), jurors: jurors.map(\.id),
            conflicts: Set(conflicts.map { EntryJurorPair(entry: $0.entry, juror: $0.juror) }),
            abstentions: Set(abstentions.map { EntryJurorPair(entry: $0.entry, juror: $0.juror) }),
            entryNames: Dictionary(uniqueKeysWithValues: entries.map { ($0.id, Country.named($0.country)?.name ?? $0.country.rawValue) }),
            jurorNames: Dictionary(uniqueKeysWithValues: jurors.map { ($0.id, $0.roleName) }))
        try ScoreRepository(db).loadScores(edition: edition.id, into: &matrix, source: source)
        // When the revised scores decide, the matrix ranked is round 2: each cell's latest revision;
        // so it is beneath a ballot that decides, which orders the shortlist among its places.
        let revisions = edition.inDeliberation ? try DeliberationRepository(db).revisions(edition: edition.id, source: source) : []
        if scheme.decision.ranksRevisedScores { matrix = matrix.revised(by: revisions) }
        let declaration = try SchemeRepository(db).fetchDeclaration(edition: edition.id)
        var ballot: BallotRecord?
        if edition.stage == .ballotClosed {
            let (salt, cast) = try BallotRepository(db).closedBallots(edition: edition.id)
            if !cast.isEmpty {
                var conflicted: [JurorID: Set<EntryID>] = [:]
                for pair in matrix.conflicts { conflicted[pair.juror, default: []].insert(pair.entry) }
                ballot = BallotRecord(
                    salt: salt, shortlist: try BallotRepository(db).shortlist(edition: edition.id), cast: cast, conflicts: conflicted,
                    tieBreaks: scheme.tieBreaks)
            }
        }
        return EditionScores(
            edition: edition, scheme: scheme, entries: entries, jurors: jurors, matrix: matrix, declaration: declaration,
            revisions: revisions, ballot: ballot)
    }

    /// The closed ballot when it decides the medals (its count orders the shortlist in the ranking).
    public var decidingBallot: BallotRecord? { scheme.decision.decidedBy == .ballot ? ballot : nil }

    /// How many criteria a juror has scored for an entry.
    public func criteriaGiven(entry: EntryID, juror: JurorID) -> Int {
        scheme.criteria.filter { matrix.value(entry: entry, juror: juror, criterion: $0.code) != nil }.count
    }

    /// The entry with an id.
    public func entry(_ id: EntryID) -> Entry? { entries.first { $0.id == id } }

    /// The juror with an id.
    public func juror(_ id: JurorID) -> Juror? { jurors.first { $0.id == id } }
}
