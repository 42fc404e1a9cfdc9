import Foundation
import Testing

@testable import ECPACore

/// The final ballot (issue 11, item 4): the rules a ballot is checked against, the ballot file, and
/// the Schulze count with its ties; the worked examples are those of docs/scoring.md, "The final
/// ballot (Schulze)".
@Suite("Final ballot: ballots, ballot files and the Schulze count")
struct BallotTests {
    typealias S = Sample

    static let shortlist = ["FI", "LT", "HU"].map(S.e)

    /// A ballot from country codes best first, e.g. `ballot(4, "LT HU")`.
    static func ballot(_ juror: Int64, _ order: String) -> Ballot {
        Ballot(juror: S.j(juror), ranking: order.split(separator: " ").map { S.e(String($0)) })
    }

    /// "Finland" for Finland's entry.
    static func name(_ entry: EntryID) -> String {
        let index = Int(entry.rawValue) - 1
        return S.countries.indices.contains(index) ? S.countries[index].name : "entry \(entry)"
    }

    // MARK: - The ballot's rules

    @Test(
        "A ballot ranks every shortlisted entry once, except those its juror is in conflict with",
        arguments: [
            ("FI LT HU", [], []),
            ("LT HU", ["FI"], []),
            ("HU", ["FI", "LT"], []),
            ("", ["FI", "LT", "HU"], []),
            ("FI LT", [], ["ballot.missing HU"]),
            ("FI LT HU AT", [], ["ballot.not_shortlisted AT"]),
            ("FI LT HU LT", [], ["ballot.duplicate LT"]),
            ("FI LT HU", ["FI"], ["ballot.conflict FI"]),
            ("", [], ["ballot.missing FI", "ballot.missing LT", "ballot.missing HU"]),
        ] as [(String, [String], [String])])
    func rules(order: String, conflicts: [String], expected: [String]) {
        let problems = Self.ballot(1, order).problems(shortlist: Self.shortlist, conflicts: Set(conflicts.map(S.e)))
        let found = problems.map { "\($0.code) \($0.entry.map { S.countries[Int($0.rawValue) - 1].code } ?? "-")" }
        #expect(found == expected)
    }

    @Test("Every problem is listed at once: in ranking order with its line, then the missing entries")
    func everyProblem() {
        let ballot = Self.ballot(4, "AT FI LT AT")
        let problems = ballot.problems(shortlist: Self.shortlist, conflicts: [S.e("FI")], lines: [2, 3, 5, 7])
        #expect(
            problems.map(\.description) == [
                "juror 4, line 2: entry 4 is not on this ballot's shortlist; rank only the shortlisted entries.",
                "juror 4, line 3: entry 1 is an entry the juror is in conflict with; leave it out (it then counts for neither side, not as last).",
                "juror 4, line 7: entry 4 is already ranked on line 2; rank each entry once.",
                "juror 4: entry 3 is on the shortlist but not ranked; rank every shortlisted entry except those in conflict.",
            ])
        #expect(problems.map(\.rule) == [.notShortlisted, .conflict, .duplicate, .missing])
        #expect(problems[1].message(naming: Self.name).hasPrefix("Finland is an entry the juror is in conflict with;"))
    }

    @Test("A problem's code is stable and its facts survive a round trip through JSON")
    func codes() throws {
        #expect(
            BallotProblem.Rule.allCases.map { "ballot." + $0.rawValue } == [
                "ballot.entry_number", "ballot.position", "ballot.not_shortlisted", "ballot.duplicate", "ballot.conflict",
                "ballot.missing", "ballot.second_ballot", "ballot.shortlist",
            ])
        let problem = BallotProblem(juror: S.j(2), line: 3, kind: .duplicate(S.e("LT"), firstLine: 1))
        let data = try JSONEncoder().encode(problem)
        #expect(try JSONDecoder().decode(BallotProblem.self, from: data) == problem)
        #expect(Self.ballot(1, "HU FI").rank(of: S.e("FI")) == 2)
        #expect(Self.ballot(1, "HU FI").rank(of: S.e("LT")) == nil)
    }
}

extension BallotTests {
    // MARK: - The ballot file

    @Test(
        "A ballot file: one entry number per line, best first; comments, blank lines and place numbers are fine",
        arguments: [
            "1\n2\n3\n",
            "1\n2\n3",
            "# My ballot, best first\n\n1  # Finland\n2  # Lithuania\n\n3  # Hungary\n",
            "1. 1  # Finland\n2. 2  # Lithuania\n3. 3  # Hungary\n",
            "1) 1\n2)2\n3.3\n",
            "\u{FEFF}1\r\n2\r\n3\r\n",
            "1\r2\r3",
            "\t1\u{00A0}\n  2\t# Lithuania\n3 \n",
        ])
    func fileAccepted(text: String) {
        let (ballot, problems) = Ballot.parse(text, juror: S.j(1), shortlist: Self.shortlist, conflicts: [])
        #expect(problems == [])
        #expect(ballot == Self.ballot(1, "FI LT HU"))
    }

    @Test("A conflicted entry is left out of the file, or commented out")
    func fileConflict() {
        let text = "# Juror 4\n2  # Lithuania\n# 1 Finland: my own country's entry, in conflict\n3  # Hungary\n"
        let (ballot, problems) = Ballot.parse(text, juror: S.j(4), shortlist: Self.shortlist, conflicts: [S.e("FI")])
        #expect(problems == [])
        #expect(ballot?.ranking == ["LT", "HU"].map(S.e))
    }

    @Test("Every problem of a file, each with its line; a file with problems gives no ballot")
    func fileProblems() {
        let text = """
            # best first
            1. 2   # Lithuania
            Finland
            3. 1 5
            2. 9
            2
            4.
            """
        let (ballot, problems) = Ballot.parse(text, juror: S.j(2), shortlist: Self.shortlist, conflicts: [])
        #expect(ballot == nil)
        #expect(
            problems.map(\.description) == [
                "juror 2, line 3: \"Finland\" is not an entry number; write one entry number per line, best first, such as 12 or 1. 12, and put anything else after a #.",
                "juror 2, line 4: \"3. 1 5\" is not an entry number; write one entry number per line, best first, such as 12 or 1. 12, and put anything else after a #.",
                "juror 2, line 5: the line is numbered 2, but it is place 4 by the order of the lines, which is what counts; number the lines 1, 2, 3 in order or leave the numbers out (two entries cannot share a place).",
                "juror 2, line 5: entry 9 is not on this ballot's shortlist; rank only the shortlisted entries.",
                "juror 2, line 6: entry 2 is already ranked on line 2; rank each entry once.",
                "juror 2, line 7: \"4.\" is not an entry number; write one entry number per line, best first, such as 12 or 1. 12, and put anything else after a #.",
                "juror 2: entry 1 is on the shortlist but not ranked; rank every shortlisted entry except those in conflict.",
                "juror 2: entry 3 is on the shortlist but not ranked; rank every shortlisted entry except those in conflict.",
            ])
    }

    @Test(
        "Two entries cannot share a place, a number is written in digits, and the place number is not the entry",
        arguments: [
            ("1. 1\n1. 2\n2. 3\n", ["ballot.position 2", "ballot.position 3"]),
            ("1\n2\n3\n2\n", ["ballot.duplicate 4"]),
            ("1 2\n3\n", ["ballot.entry_number 1", "ballot.missing -", "ballot.missing -"]),
            ("-1\n2\n3\n", ["ballot.entry_number 1", "ballot.missing -"]),
            ("١\n2\n3\n", ["ballot.entry_number 1", "ballot.missing -"]),
            ("99999999999999999999\n1\n2\n3\n", ["ballot.entry_number 1"]),
            ("0\n1\n2\n3\n", ["ballot.not_shortlisted 1"]),
            ("entry 1\n2\n3\n", ["ballot.entry_number 1", "ballot.missing -"]),
            ("", ["ballot.missing -", "ballot.missing -", "ballot.missing -"]),
        ] as [(String, [String])])
    func fileRules(text: String, expected: [String]) {
        let (_, problems) = Ballot.parse(text, juror: S.j(1), shortlist: Self.shortlist, conflicts: [])
        #expect(problems.map { "\($0.code) \($0.line.map(String.init) ?? "-")" } == expected)
    }
}

extension BallotTests {
    // MARK: - The count

    @Test("A count refuses, with every problem by juror, ballots that break the rules, a second ballot and a shortlist that repeats")
    func countRefused() {
        let ballots = [Self.ballot(2, "FI LT"), Self.ballot(1, "FI LT HU"), Self.ballot(3, "LT HU FI"), Self.ballot(1, "HU LT FI")]
        #expect {
            try BallotCount(shortlist: Self.shortlist + [S.e("LT")], ballots: ballots, conflicts: [S.j(3): [S.e("FI")]])
        } throws: { error in
            guard let error = error as? BallotCountError else { return false }
            return error.problems.map { "\($0.juror.map(String.init) ?? "-") \($0.code)" } == [
                "- ballot.shortlist", "1 ballot.second_ballot", "2 ballot.missing", "3 ballot.conflict",
            ]
                && error.description.hasPrefix("The ballot cannot be counted: entry 2 is on the shortlist twice. juror 1: this is a second ballot")
        }
    }

    @Test("The count does not depend on the order of the ballots")
    func countDeterministic() throws {
        let ballots = [
            Self.ballot(1, "FI LT HU"), Self.ballot(2, "LT HU FI"), Self.ballot(3, "HU FI LT"), Self.ballot(4, "LT FI"),
        ]
        let conflicts = [S.j(4): Set([S.e("HU")])]
        let forward = try BallotCount(shortlist: Self.shortlist, ballots: ballots, conflicts: conflicts, tieBreaks: [.headToHead])
        let backward = try BallotCount(
            shortlist: Self.shortlist, ballots: ballots.reversed(), conflicts: conflicts, tieBreaks: [.headToHead])
        #expect(forward == backward)
        #expect(forward.jurors == [1, 2, 3, 4].map(S.j))
    }

    @Test("Counted from 45 ballots, the classic example gives CondorcetTests' strongest paths and order")
    func countClassic() throws {
        var ballots: [Ballot] = []
        for (voters, order) in CondorcetTests.ballots {
            for _ in 0..<voters {
                ballots.append(Ballot(juror: S.j(Int64(ballots.count + 1)), ranking: order.map { CondorcetTests.id(String($0)) }))
            }
        }
        let count = try BallotCount(shortlist: CondorcetTests.names.map(CondorcetTests.id), ballots: ballots, conflicts: [:])
        let classic = Condorcet.schulze(CondorcetTests.classic)
        #expect(count.strongest == classic.strongest)
        #expect(count.order == classic.order)
        #expect(count.count(CondorcetTests.id("A"), over: CondorcetTests.id("B")) == 20)
        #expect(count.ties == [])
    }

    @Test("Head to head settles a Schulze tie when the tied pair's own count is not level")
    func headToHeadSettles() throws {
        // Found by search: no jury of five or fewer on four entries gives a clean tie of two with a
        // majority between them; this one has seven jurors.
        let shortlist = ["FI", "LT", "HU", "AT"].map(S.e)
        let ballots = [
            Self.ballot(1, "FI LT HU AT"), Self.ballot(2, "FI HU LT AT"), Self.ballot(3, "LT AT FI HU"), Self.ballot(4, "LT AT HU FI"),
            Self.ballot(5, "AT FI HU LT"), Self.ballot(6, "AT FI HU LT"), Self.ballot(7, "AT FI HU LT"),
        ]
        let shared = try BallotCount(shortlist: shortlist, ballots: ballots, conflicts: [:])
        #expect(shared.counts == [[0, 5, 6, 2], [2, 0, 3, 4], [1, 4, 0, 2], [5, 3, 5, 0]])
        #expect(shared.strongest == [[0, 5, 6, 4], [4, 0, 4, 4], [4, 4, 0, 4], [5, 5, 5, 0]])
        #expect(shared.order == [["AT"], ["FI"], ["LT", "HU"]].map { $0.map(S.e) })
        #expect(shared.places.map(\.place) == [1, 2, 3, 3])

        let settled = try BallotCount(shortlist: shortlist, ballots: ballots, conflicts: [:], tieBreaks: [.headToHead, .sharedPlace])
        #expect(settled.order == [["AT"], ["FI"], ["HU"], ["LT"]].map { $0.map(S.e) })
        #expect(settled.ties.count == 1)
        #expect(settled.ties[0].rule == .headToHead)
        #expect(!settled.ties[0].stillShared)
        #expect(
            settled.ties[0].sentence(naming: Self.name)
                == "Lithuania and Hungary tied under Schulze at place 3 (bronze); settled head to head (Hungary 4 to Lithuania 3).")
        #expect(
            shared.ties[0].sentence(naming: Self.name)
                == "Lithuania and Hungary tied under Schulze at place 3 (bronze); the cascade has no tie-break before shared-place (head to head: Hungary 4 to Lithuania 3), so they share the place."
        )
    }

    @Test("A cycle of three equal majorities stays shared: head to head gives no strict order")
    func equalCycleShared() throws {
        let ballots = [Self.ballot(1, "FI LT HU"), Self.ballot(2, "LT HU FI"), Self.ballot(3, "HU FI LT")]
        let count = try BallotCount(shortlist: Self.shortlist, ballots: ballots, conflicts: [:], tieBreaks: [.headToHead])
        #expect(count.strongest == [[0, 2, 2], [2, 0, 2], [2, 2, 0]])
        #expect(count.order == [Self.shortlist])
        #expect(count.ties.map(\.tried) == [[.headToHead, .sharedPlace]])
        #expect(
            count.ties[0].sentence(naming: Self.name)
                == "Finland, Lithuania and Hungary tied under Schulze at place 1 (gold); head to head gives no strict order (Finland 2 to Lithuania 1, Hungary 2 to Finland 1, Lithuania 2 to Hungary 1), so they share the place."
        )
    }

    @Test(
        "The cascade ends at its first shared-place, which is added when missing",
        arguments: [
            ([], [.sharedPlace]),
            ([.headToHead], [.headToHead, .sharedPlace]),
            ([.sharedPlace, .headToHead], [.sharedPlace]),
            ([.headToHead, .sharedPlace], [.headToHead, .sharedPlace]),
        ] as [([BallotTieBreak], [BallotTieBreak])])
    func cascade(given: [BallotTieBreak], used: [BallotTieBreak]) throws {
        let count = try BallotCount(shortlist: Self.shortlist, ballots: [], conflicts: [:], tieBreaks: given)
        #expect(count.tieBreaks == used)
    }

    @Test("No ballots leave every entry tied; an empty shortlist gives an empty order")
    func emptyCounts() throws {
        let none = try BallotCount(shortlist: Self.shortlist, ballots: [], conflicts: [:], tieBreaks: [.headToHead])
        #expect(none.order == [Self.shortlist])
        #expect(none.counts == [[0, 0, 0], [0, 0, 0], [0, 0, 0]])
        #expect(none.ties[0].duels.allSatisfy { $0.level })
        let empty = try BallotCount(shortlist: [], ballots: [Ballot(juror: S.j(1), ranking: [])], conflicts: [:])
        #expect(empty.order == [])
        #expect(empty.places.isEmpty)
    }

    @Test("Schulze's winners are the entries no other beats: here Finland and Lithuania, so gold is tied")
    func unbeatenShareFirst() throws {
        // Finland over Lithuania 3 to 2, Lithuania over Hungary 4 to 1, Hungary over Finland 3 to 2.
        // Strongest paths: Finland and Lithuania 3 each way, Finland and Hungary 3 each way,
        // Lithuania to Hungary 4 against 3. Neither Finland nor Lithuania is beaten.
        let ballots = [
            Self.ballot(1, "FI LT HU"), Self.ballot(2, "FI LT HU"), Self.ballot(3, "LT HU FI"), Self.ballot(4, "LT HU FI"),
            Self.ballot(5, "HU FI LT"),
        ]
        let count = try BallotCount(shortlist: Self.shortlist, ballots: ballots, conflicts: [:])
        #expect(count.strongest == [[0, 3, 3], [3, 0, 4], [3, 3, 0]])
        #expect(!count.schulze.beats(S.e("LT"), S.e("FI")) && !count.schulze.beats(S.e("FI"), S.e("LT")))
        #expect(count.order == [["FI", "LT"].map(S.e), [S.e("HU")]])
    }
}

extension BallotTests {
    // MARK: - The worked examples of docs/scoring.md, "The final ballot (Schulze)"

    /// The medals of a count as "gold Finland", "silver Lithuania Hungary".
    static func medals(_ count: BallotCount) -> [String] {
        Medal.tiers(count.order).map { medal, entries in ([medal.rawValue] + entries.map(name)).joined(separator: " ") }
    }

    @Test("Example 18: a Condorcet cycle of majorities that Schulze resolves by overruling the weakest")
    func exampleCycle() throws {
        let ballots = [
            Self.ballot(1, "FI LT HU"), Self.ballot(2, "FI LT HU"), Self.ballot(3, "FI LT HU"),
            Self.ballot(4, "LT HU FI"), Self.ballot(5, "LT HU FI"),
            Self.ballot(6, "HU FI LT"), Self.ballot(7, "HU FI LT"),
        ]
        let count = try BallotCount(shortlist: Self.shortlist, ballots: ballots, conflicts: [:])
        #expect(count.counts == [[0, 5, 3], [2, 0, 5], [4, 2, 0]])
        #expect(Condorcet.copeland(PairwisePreferences(entries: Self.shortlist, counts: count.counts)).values.allSatisfy { $0 == 0 })
        #expect(count.strongest == [[0, 5, 5], [4, 0, 5], [4, 4, 0]])
        #expect(count.strongestPath(from: S.e("FI"), to: S.e("HU")) == 5)
        #expect(count.count(S.e("HU"), over: S.e("FI")) == 4)
        #expect(count.schulze.beats(S.e("FI"), S.e("HU")))
        #expect(count.order == [["FI"], ["LT"], ["HU"]].map { $0.map(S.e) })
        #expect(Self.medals(count) == ["gold Finland", "silver Lithuania", "bronze Hungary"])
        #expect(count.ties == [])
    }

    @Test("Example 19: a juror in conflict leaves Finland unranked, counting for neither side, not last")
    func exampleConflict() throws {
        let file = """
            # Final ballot, juror 4, best first
            1. 2   # Lithuania
            2. 3   # Hungary
            # 1 Finland: my own country's entry, left out
            """
        let conflicts = [S.j(4): Set([S.e("FI")])]
        let (fourth, problems) = Ballot.parse(file, juror: S.j(4), shortlist: Self.shortlist, conflicts: [S.e("FI")])
        #expect(problems == [])
        #expect(fourth == Self.ballot(4, "LT HU"))
        let ballots = [Self.ballot(1, "FI LT HU"), Self.ballot(2, "FI HU LT"), Self.ballot(3, "LT FI HU"), Self.ballot(4, "LT HU")]
        let count = try BallotCount(shortlist: Self.shortlist, ballots: ballots, conflicts: conflicts)
        #expect(count.counts == [[0, 2, 3], [1, 0, 3], [0, 1, 0]])
        #expect(count.strongest == [[0, 2, 3], [0, 0, 3], [0, 0, 0]])
        #expect(count.order == [["FI"], ["LT"], ["HU"]].map { $0.map(S.e) })
        #expect(Self.medals(count) == ["gold Finland", "silver Lithuania", "bronze Hungary"])

        // Counted as last instead (a ballot without the conflict), Finland would share gold.
        let last = try BallotCount(shortlist: Self.shortlist, ballots: Array(ballots.dropLast()) + [Self.ballot(4, "LT HU FI")], conflicts: [:])
        #expect(last.counts == [[0, 2, 3], [2, 0, 3], [1, 1, 0]])
        #expect(last.strongest == [[0, 0, 3], [0, 0, 3], [0, 0, 0]])
        #expect(Self.medals(last) == ["gold Finland Lithuania", "bronze Hungary"])

        // The conflicted entry cannot be ranked last either.
        #expect(throws: BallotCountError.self) {
            try BallotCount(shortlist: Self.shortlist, ballots: [Self.ballot(4, "LT HU FI")], conflicts: conflicts)
        }
    }

    @Test("Example 20: a tie left shared: two silvers and no bronze, and head to head is level")
    func exampleSharedTie() throws {
        let ballots = [Self.ballot(1, "FI LT HU"), Self.ballot(2, "FI HU LT"), Self.ballot(3, "LT FI HU"), Self.ballot(4, "HU FI LT")]
        let count = try BallotCount(shortlist: Self.shortlist, ballots: ballots, conflicts: [:])
        #expect(count.counts == [[0, 3, 3], [1, 0, 2], [1, 2, 0]])
        #expect(count.strongest == [[0, 3, 3], [0, 0, 0], [0, 0, 0]])
        #expect(count.order == [["FI"], ["LT", "HU"]].map { $0.map(S.e) })
        #expect(count.places.map(\.place) == [1, 2, 2])
        #expect(Self.medals(count) == ["gold Finland", "silver Lithuania Hungary"])
        #expect(count.ties.map(\.rule) == [.sharedPlace])

        let headToHead = try BallotCount(shortlist: Self.shortlist, ballots: ballots, conflicts: [:], tieBreaks: [.headToHead, .sharedPlace])
        #expect(headToHead.order == count.order)
        #expect(headToHead.ties.count == 1)
        #expect(headToHead.ties[0].tried == [.headToHead, .sharedPlace])
        #expect(headToHead.ties[0].stillShared)
        #expect(headToHead.ties[0].duels == [BallotTie.Duel(first: S.e("LT"), second: S.e("HU"), firstVotes: 2, secondVotes: 2)])
        #expect(
            headToHead.ties[0].sentence(naming: Self.name)
                == "Lithuania and Hungary tied under Schulze at place 2 (silver); head to head they are level (Lithuania 2 to Hungary 2), so they share the place."
        )
    }
}
