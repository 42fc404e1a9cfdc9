import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `results verify`: recomputes the ledger chain, the cells, the digests and the ranking of a frozen
/// edition and names every difference. The secretariat checks what is stored; everyone else checks
/// what the published edition shows (jurors by seat). The digests are computed here, from the rows
/// read (FrozenSeal), never asked of the server.
public struct Verification: Sendable {
    /// One check and its outcome.
    public struct Check: Sendable, Equatable {
        /// Stable, for scripts: `ledger.chain`, `ledger.cell`, `digest.given`, `scores.digest`,
        /// `ledger.head`, `ledger.revisions`, `ballot.ledger`, `ballot.count`, `decision.record`, `declaration.hash`, `declaration.ledger`, `declaration.scheme`, `ranking.method`,
        /// `ranking.recomputed`, `digest.seal`, `archive.podium`.
        public var code: String
        public var passed: Bool
        public var sentence: String
        /// Lines that show a failure in detail (each place that differs, stored and recomputed).
        public var details: [String]
    }

    public private(set) var checks: [Check] = []
    public var problems: Int { checks.filter { !$0.passed }.count }
    public var ok: Bool { problems == 0 }

    mutating func pass(_ code: String, _ sentence: String) {
        checks.append(Check(code: code, passed: true, sentence: sentence, details: []))
    }

    mutating func fail(_ code: String, _ sentence: String, details: [String] = []) {
        checks.append(Check(code: code, passed: false, sentence: sentence, details: details))
    }

    /// Runs every check in one consistent read. `publishedDigest` is the digest printed when the
    /// results were published, which the stored one must equal: a rewrite that recomputes every
    /// digest changes it, and this check does not rest on the server's functions.
    public static func run(edition: Edition, db: Connection, publishedDigest: String? = nil) throws -> Verification {
        try db.consistentRead { db in try check(edition: edition, db: db, publishedDigest: publishedDigest) }
    }

    static func check(edition: Edition, db: Connection, publishedDigest: String?) throws -> Verification {
        var report = Verification()
        let repository = ResultsRepository(db)
        let secretariat = try PersonRepository(db).currentIdentity().isSecretariat
        guard let frozen = try repository.fetchFrozen(edition: edition.id) else {
            if edition.phase == .frozen && !secretariat {
                throw Refusal(
                    "verify.not_published", .refused,
                    "The \(edition.year) results are frozen but not published yet; anyone can verify them once they are.")
            }
            throw Refusal(
                "verify.not_frozen", .refused,
                "The \(edition.year) edition is not frozen, so there is nothing to verify yet. Freeze it with `ecpa edition freeze \(edition.year)`.")
        }
        if let publishedDigest {
            if frozen.digest == publishedDigest.lowercased() {
                report.pass("digest.given", "the stored digest is the one given (\(frozen.digest.prefix(16))…)")
            } else {
                report.fail(
                    "digest.given",
                    "the stored digest \(frozen.digest.prefix(16))… is not the one given (\(publishedDigest.lowercased().prefix(16))…): the results changed after that digest was published"
                )
            }
        }
        let ledger = try ScoreRepository(db).verifyLedger()
        if ledger.isEmpty {
            report.pass("ledger.chain", "the score ledger's hash chain is unbroken")
        } else {
            for problem in ledger { report.fail("ledger.chain", "ledger batch \(problem.batch.map(String.init) ?? "head"): \(problem.problem)") }
        }

        let source: RecordSource = secretariat ? .live : .published
        let scores = try EditionScores.load(edition: edition, db: db, source: source)
        let jurors = try JuryRepository(db).fetchJurors(edition: edition.id, source: source)
        let names = Dictionary(uniqueKeysWithValues: jurors.map { ($0.id, "\($0.roleName) (\($0.country.rawValue))") })
        let differences = try repository.cellsDifferingFromLedger(edition: edition.id)
        if differences.isEmpty {
            report.pass("ledger.cell", "every stored score matches the ledger's last event for its cell")
        }
        for cell in differences {
            let ledgerText = cell.ledgerValue.map(text) ?? "no score"
            let tableText = cell.tableValue.map(text) ?? "no score"
            report.fail(
                "ledger.cell",
                "entry \(cell.entry), juror \(names[cell.juror] ?? cell.juror.description), \(cell.criterion): the ledger says \(ledgerText), the table holds \(tableText)"
            )
        }

        // The digests are computed here from the rows read, not asked of the server: functions a
        // superuser or the schema's owner replaced could answer with the digests published.
        let scoreSet = try repository.fetchScoreSet(edition: edition.id, source: source)
        let revisionLines = try repository.fetchRevisionLines(edition: edition.id, source: source)
        let digest = FrozenSeal.scoreSetDigest(scores: scoreSet.scores, abstentions: scoreSet.abstentions, revisions: revisionLines)
        // The digest covers round 1; the ranking was made from round 2 when the revised scores decide.
        let ranked = scores.scheme.decision.ranksRevisedScores ? revised(scoreSet.scores, by: scores.revisions) : scoreSet.scores
        if !sameScores(ranked, scores.matrix) {
            report.fail("scores.digest", "the scores read for the digest are not the scores read for the ranking")
        } else if digest == frozen.scoresDigest {
            report.pass(
                "scores.digest", "the score set digest computed here from the scores matches the one stored at the freeze (\(digest.prefix(16))…)")
        } else {
            report.fail(
                "scores.digest",
                "the score set digest computed here from the scores is \(digest.prefix(16))…, but \(frozen.scoresDigest.prefix(16))… was stored at the freeze"
            )
        }
        switch try repository.editionEventsAfter(head: frozen.ledgerHead, edition: edition.id) {
        case nil:
            report.fail("ledger.head", "the ledger head stored at the freeze (\(frozen.ledgerHead.prefix(16))…) is no longer in the chain")
        case 0?:
            report.pass("ledger.head", "the ledger head stored at the freeze is in the chain, and no score of this edition came after it")
        case let count?:
            report.fail("ledger.head", "\(count) ledger event\(count == 1 ? "" : "s") of this edition came after the freeze")
        }

        if edition.inDeliberation && scores.scheme.decision.deliberation {
            report.checkDeliberation(
                edition: edition.id,
                roundOne: FrozenSeal.roundOneNote(edition: edition.id, scores: scoreSet.scores, abstentions: scoreSet.abstentions),
                revisions: revisionLines, ledger: try DeliberationRepository(db).ledgerEntries(edition: edition.id))
        }
        if scores.scheme.decision.ballot {
            report.checkBallot(edition: edition, scores: scores, ledger: try BallotRepository(db).ledgerEntries(edition: edition.id), names: names)
        }
        let records = DecisionRecordRepository(db)
        let record = try records.fetchRecord(edition: edition.id, source: source)
        let signNotes = try records.ledgerNotes(edition: edition.id)
        if record.signoff != nil || !signNotes.isEmpty {
            report.checkDecisionRecord(record, notes: signNotes, published: edition.phase == .published)
        }
        report.checkDeclaration(
            scores: scores, ledger: try SchemeRepository(db).declarationInLedger(edition: edition.id), sealed: frozen.declarationHash)

        // The method is the scheme's, declared before scoring; another one chosen at the freeze
        // could have been picked for the podium it gives.
        if frozen.method == scores.scheme.method.rawValue {
            report.pass("ranking.method", "the ranking was frozen by the scheme's method, \(frozen.method)")
        } else {
            report.fail("ranking.method", "the ranking was frozen by \(frozen.method), but the scheme's method is \(scores.scheme.method.rawValue)")
        }
        let overrides = try repository.fetchOverrides(edition: edition.id, source: source)
        var options = RankingOptions(method: scores.scheme.method, provisional: false, overrides: overrides)
        options.ballotOrder = scores.decidingBallot?.count?.order
        let countries = Dictionary(uniqueKeysWithValues: scores.entries.map { ($0.id, $0.country.rawValue) })
        let stored = frozen.places.map { line($0, countries: countries) }
        let recomputed: [String]
        do {
            recomputed = try rank(scores.matrix, options: options).places.map { line(FrozenPlace($0), countries: countries) }
        } catch {
            recomputed = ["cannot rank: \(error)"]
        }
        if recomputed == stored {
            report.pass("ranking.recomputed", "the ranking recomputed from the scores is the stored one")
        } else {
            var details: [String] = []
            for index in 0..<max(stored.count, recomputed.count)
            where (index < stored.count ? stored[index] : "") != (index < recomputed.count ? recomputed[index] : "") {
                details.append("stored:     \(index < stored.count ? stored[index] : "-")")
                details.append("recomputed: \(index < recomputed.count ? recomputed[index] : "-")")
            }
            report.fail("ranking.recomputed", "the ranking recomputed from the scores differs from the stored one:", details: details)
        }
        let rankingText = FrozenSeal.rankingText(method: frozen.method, places: frozen.places, countries: countries)
        let sealed = frozen.declarationHash == nil ? "ranking, scores and ledger head" : "ranking, scores, ledger head and declaration"
        if FrozenSeal.digest(
            rankingText: rankingText, scoresDigest: frozen.scoresDigest, ledgerHead: frozen.ledgerHead,
            declarationHash: frozen.declarationHash) == frozen.digest
        {
            report.pass("digest.seal", "the stored digest \(frozen.digest.prefix(16))… seals the stored \(sealed) (computed here)")
        } else {
            report.fail("digest.seal", "the stored digest does not match the stored \(sealed) (computed here)")
        }
        if edition.phase == .published {
            report.checkArchive(try ArchiveRepository(db).fetchArchiveEdition(year: edition.year), frozen: frozen, countries: countries)
        }
        return report
    }

    /// Score rows with each cell's latest revision in place of its round-1 value.
    static func revised(_ rows: [FrozenSeal.ScoreLine], by revisions: [Revision]) -> [FrozenSeal.ScoreLine] {
        let latest = revisions.latestValues
        return rows.map { row in
            var row = row
            if let value = latest[ScoreCell(entry: row.entry, juror: row.juror, criterion: row.criterion)] { row.value = text(value) }
            return row
        }
    }

    /// Whether the score rows hashed hold the values of the matrix ranked, cell for cell.
    static func sameScores(_ rows: [FrozenSeal.ScoreLine], _ matrix: ScoreMatrix) -> Bool {
        let posix = Locale(identifier: "en_US_POSIX")
        var hashed: [ScoreCell: Decimal] = [:]
        for row in rows {
            guard let value = Decimal(string: row.value, locale: posix) else { return false }
            hashed[ScoreCell(entry: row.entry, juror: row.juror, criterion: row.criterion)] = value
        }
        let ranked = Set(matrix.entries)
        let voting = Set(matrix.jurors)
        var same = true
        matrix.forEachScore { cell, value in
            if same, hashed[cell] != value { same = false }
        }
        return same
            && hashed.allSatisfy { cell, value in
                !ranked.contains(cell.entry) || !voting.contains(cell.juror)
                    || matrix.value(entry: cell.entry, juror: cell.juror, criterion: cell.criterion) == value
            }
    }

    /// The deliberation in the ledger: the note that closed round 1 names the digest of the scores
    /// held now (computed here), and each revision matches its ledger entry; all sealed.
    mutating func checkDeliberation(
        edition: EditionID, roundOne: String, revisions: [FrozenSeal.RevisionLine],
        ledger: [(revision: Int64?, operation: String, sealed: Bool)]
    ) {
        var problems: [String] = []
        let notes = ledger.filter { $0.revision == nil }
        if notes.count != 1 || notes.first?.operation != roundOne || notes.first?.sealed != true {
            problems.append("the ledger's note that closed round 1 does not name the round-1 scores held now, or is not sealed")
        }
        let entries = Dictionary(ledger.compactMap { entry in entry.revision.map { ($0, entry) } }, uniquingKeysWith: { first, _ in first })
        for line in revisions {
            guard let entry = entries[line.id] else {
                problems.append("revision \(line.id) has no ledger entry")
                continue
            }
            if entry.operation != FrozenSeal.revisionNote(edition: edition, line) {
                problems.append("revision \(line.id) (entry \(line.entry), \(line.criterion)) is not what its ledger entry says: \(entry.operation)")
            } else if !entry.sealed {
                problems.append("revision \(line.id)'s ledger entry is not sealed into the hash chain")
            }
        }
        if problems.isEmpty {
            pass(
                "ledger.revisions",
                "round 1, as sealed when the deliberation began, is the score set held now, and "
                    + (revisions.count == 1 ? "its revision matches" : "each of the \(revisions.count) revisions matches")
                    + " its sealed ledger entry"
            )
        } else {
            fail("ledger.revisions", "the deliberation's record differs from the ledger:", details: problems)
        }
    }

    /// The declaration sealed when scoring opened: its hash is the SHA-256 of its text (computed
    /// here), its ledger batch names that hash, is sealed into the chain and comes before every
    /// score of the edition, and it declares the scheme, method and analysis settings the results
    /// were ranked and explained with.
    mutating func checkDeclaration(
        scores: EditionScores, ledger: (operation: String, sealed: Bool, eventsBefore: Int)?, sealed: String?
    ) {
        guard let declaration = scores.declaration else {
            fail("declaration.hash", "the edition has no declaration, though its scoring has opened")
            return
        }
        // The hash sealed into the digest at the freeze is the one that counts: the declaration's
        // own row and the ledger could be rewritten together by someone who can replace functions.
        let computed = SHA256.hex(declaration.text)
        if let sealed, computed != sealed {
            fail(
                "declaration.hash",
                "the declaration's text gives SHA-256 \(computed.prefix(16))…, but \(sealed.prefix(16))… was sealed into the digest at the freeze")
        } else if computed != declaration.hash {
            fail("declaration.hash", "the declaration's text does not give its stored SHA-256 \(declaration.shortHash): the text was changed")
        } else {
            let how = sealed == nil ? "the stored one" : "the stored one and the one sealed into the digest at the freeze"
            pass("declaration.hash", "the declaration's SHA-256 computed here is \(how) (\(declaration.shortHash))")
        }
        let operation = Declaration.ledgerOperation(edition: scores.edition.id, hash: declaration.hash)
        switch ledger {
        case nil:
            fail("declaration.ledger", "the declaration has no batch in the score ledger")
        case let found? where found.operation != operation:
            fail("declaration.ledger", "the declaration's ledger batch names another hash: \(found.operation)")
        case let found? where !found.sealed && declaration.recordedLate:
            // Declared by the upgrade after this edition was frozen: the batch joins the chain at
            // the next seal (the next freeze); the edition's own digest never covered it.
            pass(
                "declaration.ledger",
                "the declaration was recorded when ecpa was upgraded, after the freeze; its ledger batch (\(found.operation.suffix(16))) joins the hash chain at the next seal"
            )
        case let found? where !found.sealed:
            fail("declaration.ledger", "the declaration's ledger batch is not sealed into the hash chain")
        case let found? where found.eventsBefore > 0 && !declaration.recordedLate:
            fail(
                "declaration.ledger",
                "\(found.eventsBefore) score event\(found.eventsBefore == 1 ? "" : "s") of this edition came before the declaration")
        case let found?:
            let when =
                declaration.recordedLate && found.eventsBefore > 0
                ? "recorded when ecpa was upgraded, after scoring had opened" : "before every score of the edition"
            pass("declaration.ledger", "the declaration's hash is sealed into the score ledger, \(when)")
        }
        if let declared = declaration.scheme, declared == scores.scheme {
            pass(
                "declaration.scheme",
                "the results were ranked and explained with the declared scheme: \(declared.method.rawValue), \(declared.criteria.count) criteria, \(declared.analysis.resamples.grouped) resamples, seed \(declared.analysis.seed)"
            )
        } else if declaration.scheme == nil {
            fail("declaration.scheme", "the declaration's text cannot be read as a scheme file")
        } else {
            fail("declaration.scheme", "the scheme the results were ranked with is not the declared one")
        }
    }

    /// The archive prints a published edition's podium from the frozen rows; it must be the podium verified.
    mutating func checkArchive(_ archive: ArchiveEdition?, frozen: FrozenResults, countries: [EntryID: String]) {
        let order: [Medal] = [.gold, .silver, .bronze]
        func ordered(_ lines: [(Medal, String)]) -> [String] {
            lines.sorted { (order.firstIndex(of: $0.0) ?? 3, $0.1) < (order.firstIndex(of: $1.0) ?? 3, $1.1) }
                .map { "\($0.0.rawValue) \($0.1)" }
        }
        let shown = ordered(
            (archive?.awards ?? []).compactMap { award in
                award.kind.medal.map { ($0, award.country.value?.rawValue ?? "?") }
            })
        let podium = ordered(frozen.places.compactMap { place in place.medal.map { ($0, countries[place.entry] ?? "?") } })
        if shown == podium {
            pass("archive.podium", "the archive shows the frozen podium (\(podium.joined(separator: ", ")))")
        } else {
            fail(
                "archive.podium",
                "the archive shows \(shown.isEmpty ? "no podium" : shown.joined(separator: ", ")), but the frozen podium is \(podium.joined(separator: ", "))"
            )
        }
    }

    /// One place as the comparison shows it.
    static func line(_ place: FrozenPlace, countries: [EntryID: String]) -> String {
        var parts = [
            "place \(place.place)", place.medal?.rawValue ?? "no medal",
            "entry \(place.entry) (\(countries[place.entry] ?? "?"))", "score \(fixed(place.score, places: 6))",
            "\(place.jurorCount) juror\(place.jurorCount == 1 ? "" : "s")",
        ]
        if place.sharedPlace { parts.append("shared") }
        if let reason = place.overrideReason { parts.append("override: \(reason)") }
        return parts.joined(separator: ", ")
    }

    static func text(_ value: Decimal) -> String { NSDecimalNumber(decimal: value).stringValue }
}
