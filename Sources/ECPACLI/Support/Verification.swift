import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `results verify`: recompute the ledger chain, the cells, the digest and the ranking of a
/// frozen edition, and name every difference. The secretariat checks what is stored; everyone
/// else checks what the published edition shows (jurors by seat).
struct Verification {
    var lines: [String] = []
    var problems = 0
    var ok: Bool { problems == 0 }

    mutating func pass(_ line: String) { lines.append("ok    " + line) }
    mutating func fail(_ line: String) { lines.append("FAIL  " + line); problems += 1 }

    /// Runs every check; `publishedDigest` is the digest printed when the results were published,
    /// which the stored one must equal (a rewrite that recomputes every digest changes it).
    static func run(edition: Edition, db: any SQLExecutor, publishedDigest: String? = nil) throws -> Verification {
        var report = Verification()
        let repository = ResultsRepository(db)
        let secretariat = try PersonRepository(db).currentIdentity().isSecretariat
        guard let frozen = try repository.fetchFrozen(edition: edition.id) else {
            if edition.phase == .frozen && !secretariat {
                throw CLIError("The \(edition.year) results are frozen but not published yet; anyone can verify them once they are.", status: .refused)
            }
            throw CLIError("The \(edition.year) edition is not frozen, so there is nothing to verify yet. Freeze it with `ecpa edition freeze \(edition.year)`.", status: .refused)
        }
        if let publishedDigest {
            if frozen.digest == publishedDigest.lowercased() {
                report.pass("the stored digest is the one given (\(frozen.digest.prefix(16))…)")
            } else {
                report.fail("the stored digest \(frozen.digest.prefix(16))… is not the one given (\(publishedDigest.lowercased().prefix(16))…): the results changed after that digest was published")
            }
        }
        let ledger = try ScoreRepository(db).verifyLedger()
        if ledger.isEmpty {
            report.pass("the score ledger's hash chain is unbroken")
        } else {
            for problem in ledger { report.fail("ledger batch \(problem.batch.map(String.init) ?? "head"): \(problem.problem)") }
        }

        let source: RecordSource = secretariat ? .live : .published
        let scores = try EditionScores.load(edition: edition, db: db, source: source)
        let jurors = try JuryRepository(db).fetchJurors(edition: edition.id, source: source)
        let names = Dictionary(uniqueKeysWithValues: jurors.map { ($0.id, "\($0.roleName) (\($0.country.rawValue))") })
        let differences = try repository.cellsDifferingFromLedger(edition: edition.id)
        if differences.isEmpty {
            report.pass("every stored score matches the ledger's last event for its cell")
        }
        for cell in differences {
            let ledgerText = cell.ledgerValue.map(Values.text) ?? "no score"
            let tableText = cell.tableValue.map(Values.text) ?? "no score"
            report.fail("entry \(cell.entry), juror \(names[cell.juror] ?? cell.juror.description), \(cell.criterion): the ledger says \(ledgerText), the table holds \(tableText)")
        }

        let digest = try repository.scoreSetDigest(edition: edition.id)
        if digest == frozen.scoresDigest {
            report.pass("the score set digest matches the one stored at the freeze (\(digest.prefix(16))…)")
        } else {
            report.fail("the score set digest is \(digest.prefix(16))…, but \(frozen.scoresDigest.prefix(16))… was stored at the freeze")
        }
        switch try repository.editionEventsAfter(head: frozen.ledgerHead, edition: edition.id) {
        case nil:
            report.fail("the ledger head stored at the freeze (\(frozen.ledgerHead.prefix(16))…) is no longer in the chain")
        case 0?:
            report.pass("the ledger head stored at the freeze is in the chain, and no score of this edition came after it")
        case let count?:
            report.fail("\(count) ledger event\(count == 1 ? "" : "s") of this edition came after the freeze")
        }

        // The method is the scheme's, declared before scoring; another one chosen at the freeze
        // could have been picked for the podium it gives.
        if frozen.method == scores.scheme.method.rawValue {
            report.pass("the ranking was frozen by the scheme's method, \(frozen.method)")
        } else {
            report.fail("the ranking was frozen by \(frozen.method), but the scheme's method is \(scores.scheme.method.rawValue)")
        }
        let method = scores.scheme.method
        let overrides = try repository.fetchOverrides(edition: edition.id, source: source)
        let options = RankingOptions(method: method, provisional: false, overrides: overrides)
        let countries = Dictionary(uniqueKeysWithValues: scores.entries.map { ($0.id, $0.country.rawValue) })
        let stored = frozen.places.map { line($0, countries: countries) }
        let recomputed: [String]
        do {
            recomputed = try rank(scores.matrix, options: options).places.map { line(FrozenPlace($0), countries: countries) }
        } catch {
            recomputed = ["cannot rank: \(error)"]
        }
        if recomputed == stored {
            report.pass("the ranking recomputed from the scores is the stored one")
        } else {
            report.fail("the ranking recomputed from the scores differs from the stored one:")
            for index in 0..<max(stored.count, recomputed.count)
            where (index < stored.count ? stored[index] : "") != (index < recomputed.count ? recomputed[index] : "") {
                report.lines.append("        stored:     \(index < stored.count ? stored[index] : "-")")
                report.lines.append("        recomputed: \(index < recomputed.count ? recomputed[index] : "-")")
            }
        }
        if try repository.recomputedDigest(edition: edition.id) == frozen.digest {
            report.pass("the stored digest \(frozen.digest.prefix(16))… seals the stored ranking, scores and ledger head")
        } else {
            report.fail("the stored digest does not match the stored ranking, scores and ledger head")
        }
        return report
    }

    /// One place as the comparison shows it.
    static func line(_ place: FrozenPlace, countries: [EntryID: String]) -> String {
        var parts = ["place \(place.place)", place.medal?.rawValue ?? "no medal",
                     "entry \(place.entry) (\(countries[place.entry] ?? "?"))", "score \(fixed(place.score, places: 6))",
                     "\(place.jurorCount) juror\(place.jurorCount == 1 ? "" : "s")"]
        if place.sharedPlace { parts.append("shared") }
        if let reason = place.overrideReason { parts.append("override: \(reason)") }
        return parts.joined(separator: ", ")
    }
}
