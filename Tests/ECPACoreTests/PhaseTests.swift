import Foundation
import Testing
import ECPACore

@Suite("Edition phases and entry states")
struct PhaseTests {
    @Test("Raw values are the names the database stores")
    func rawValues() {
        #expect(
            Phase.allCases.map(\.rawValue)
                == ["draft", "submissions_open", "submissions_closed", "scoring", "frozen", "published"])
        #expect(EntryState.allCases.map(\.rawValue) == ["draft", "submitted", "eligible", "ineligible", "withdrawn"])
        #expect(EntryKind.allCases.map(\.rawValue) == ["competing", "additional"])
    }

    @Test("Phases read as plain words and order along the lifecycle")
    func displayAndOrder() {
        #expect(Phase.submissionsOpen.displayName == "submissions open")
        #expect(Phase.submissionsClosed.displayName == "submissions closed")
        #expect(Phase.draft.displayName == "draft")
        #expect(Phase.allCases.sorted() == Phase.allCases)
        #expect(Phase.scoring > Phase.submissionsClosed)
    }

    @Test("A phase is stored in JSON by its raw value")
    func phaseJSON() throws {
        let json = try JSONEncoder().encode([Phase.submissionsOpen])
        #expect(String(decoding: json, as: UTF8.self) == "[\"submissions_open\"]")
        #expect(try JSONDecoder().decode([Phase].self, from: json) == [.submissionsOpen])
    }

    @Test("Only a withdrawn entry is inactive", arguments: EntryState.allCases)
    func activeStates(state: EntryState) {
        #expect(state.isActive == (state != .withdrawn))
    }
}
