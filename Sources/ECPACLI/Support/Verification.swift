import ECPACore
import ECPAStore
import Foundation
import LibPQ

/// `results verify`: recompute the ledger chain, the cells, the digest and the ranking of a
/// frozen edition, and name every difference.
struct Verification {
    var lines: [String] = []
    var problems = 0
    var ok: Bool { problems == 0 }

    mutating func pass(_ line: String) { lines.append("ok    " + line) }
    mutating func fail(_ line: String) { lines.append("FAIL  " + line); problems += 1 }

    static func run(edition: Edition, db: any SQLExecutor) throws -> Verification {
        var report = Verification()
        let repository = ResultsRepository(db)
        guard let frozen = try repository.fetchFrozen(edition: edition.id) else {
            throw CLIError("The \(edition.year) edition is not frozen, so there is nothing to verify yet. Freeze it with `ecpa edition freeze \(edition.year)`.", status: .refused)
        }
        let ledger = try ScoreRepository(db).verifyLedger()
        if ledger.isEmpty {
            report.pass("the score ledger's hash chain is unbroken")
        } else {
            for problem in ledger { report.fail("ledger batch \(problem.batch.map(String.init) ?? "head"): \(problem.problem)") }
        }

        let scores = try EditionScores.load(edition: edition, db: db)
        let jurors = try JuryRepository(db).fetchJurors(edition: edition.id)
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

        let method = RankingMethod(rawValue: frozen.method) ?? scores.scheme.method
        let overrides = try repository.fetchOverrides(edition: edition.id)
        let options = RankingOptions(method: method, provisional: false, overrides: overrides)
        let recomputed: String
        do {
            recomputed = RankingText.canonical(try rank(scores.matrix, options: options), entries: scores.entries)
        } catch {
            recomputed = "cannot rank: \(error)"
        }
        if recomputed == frozen.rankingText {
            report.pass("the ranking recomputed from the scores is the stored one")
        } else {
            report.fail("the ranking recomputed from the scores differs from the stored one:")
            let stored = frozen.rankingText.split(separator: "\n")
            let now = recomputed.split(separator: "\n")
            for index in 0..<max(stored.count, now.count) where (index < stored.count ? stored[index] : "") != (index < now.count ? now[index] : "") {
                report.lines.append("        stored:     \(index < stored.count ? String(stored[index]) : "-")")
                report.lines.append("        recomputed: \(index < now.count ? String(now[index]) : "-")")
            }
        }
        let sealed = try repository.digest(rankingText: frozen.rankingText, scoresDigest: frozen.scoresDigest, ledgerHead: frozen.ledgerHead)
        if sealed == frozen.digest {
            report.pass("the stored digest \(frozen.digest.prefix(16))… seals the stored ranking, scores and ledger head")
        } else {
            report.fail("the stored digest does not match the stored ranking, scores and ledger head")
        }
        return report
    }
}
