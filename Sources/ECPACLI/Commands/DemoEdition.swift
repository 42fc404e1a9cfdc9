import ECPACore
import Foundation
import ECPAStore

/// The data of the demo: the real 2018 edition's medal winners among illustrative entries, a jury
/// from the presidencies of that time (Austria, Bulgaria, Romania, Finland) and illustrative scores.
enum DemoEdition {
    /// Competing countries, in submission order (so entry ids follow this order in a new database).
    static let countries = ["FI", "LT", "HU", "BE", "CZ", "DE", "DK", "EE", "NL", "PT", "SE", "SI"]

    struct Juror {
        var role: String
        var country: String
        var name: String
    }

    /// Two jurors each from the current (AT), previous (BG) and next two (RO, FI) presidencies.
    static let jury: [Juror] = ["AT", "BG", "RO", "FI"].flatMap { country in
        (1...2).map { number in
            let name = Country.named(CountryCode(country)!)?.name ?? country
            return Juror(role: "demo_juror_\(country.lowercased())_\(number)", country: country, name: "\(name) juror \(number) (demo)")
        }
    }

    static func id(of country: String) -> Int { (countries.firstIndex(of: country) ?? 0) + 1 }

    /// The real titles of the 2018 medal winners; the others are plainly illustrative.
    static func title(_ country: String) -> String {
        switch country {
        case "FI": return "The Forssa approach: mediation of polarisation and inter-group conflicts"
        case "LT": return "Šiauliai District Discovers a Security Formula"
        case "HU": return "My neighbour is the policeman!"
        default: return "Illustrative community policing project (\(Country.named(CountryCode(country)!)?.name ?? country))"
        }
    }

    /// Own-country conflicts, and one declared conflict (a Romanian juror with the Hungarian entry).
    static func inConflict(juror: Juror, entryCountry: String) -> Bool {
        juror.country == entryCountry || (juror.role == "demo_juror_ro_2" && entryCountry == "HU")
    }

    /// Illustrative integer scores: a level per entry (the real podium first) plus a small pattern
    /// per juror and criterion, so jurors differ a little but agree on the order.
    static func scores(juror: Juror, entryCountry: String) -> [(code: String, value: Int)] {
        let e = id(of: entryCountry) - 1
        let level = [9, 8, 7, 6, 6, 5, 5, 5, 4, 4, 4, 3][e]
        let j = jury.firstIndex { $0.role == juror.role } ?? 0
        // Below the podium, jurors also differ by entry, so their orders are not all the same.
        let spread = e < 3 ? 0 : e
        return ["focus", "evaluation", "innovation", "cooperation", "transferability"].enumerated().map { k, code in
            (code, min(10, max(0, level + (j + k + spread * (j % 2 + 1)) % 3 - 1)))
        }
    }

    /// The shipped scheme, declaring a deliberation and a final ballot that decides the medals.
    static var schemeText: String {
        (Schema.shippedSchemeText("ecpa-default") ?? "")
            .replacingOccurrences(of: "deliberation = false", with: "deliberation = true\nballot = true")
            .replacingOccurrences(of: "decided_by = \"scores\"", with: "decided_by = \"ballot\"")
    }

    /// Each medal's rapporteur and the jury's reasons (illustrative).
    static let reasons: [(medal: String, rapporteur: String, text: String)] = [
        ("gold", "demo_juror_at_1", "Forssa brought polarised groups to mediation, and its evaluation shows fewer conflicts (illustrative)."),
        ("silver", "demo_juror_bg_1", "Šiauliai District joined police, schools and residents in one security plan (illustrative)."),
        ("bronze", "demo_juror_ro_1", "A community police officer for every neighbourhood, well received by residents (illustrative)."),
    ]

    /// A juror's illustrative ballot: the shortlisted entries they are not in conflict with, by
    /// their own weighted total (round 1), best first, ties by entry id.
    static func ballot(juror: Juror, shortlist: [String]) -> [Int] {
        let weights = Dictionary(
            uniqueKeysWithValues: (ScoringScheme.parse(schemeText).scheme?.criteria ?? []).map { ($0.code, $0.weight) })
        let total = { (country: String) in
            scores(juror: juror, entryCountry: country).reduce(Decimal(0)) { $0 + Decimal($1.value) * (weights[$1.code] ?? 1) }
        }
        return shortlist.filter { !inConflict(juror: juror, entryCountry: $0) }
            .sorted { total($0) != total($1) ? total($0) > total($1) : id(of: $0) < id(of: $1) }
            .map(id(of:))
    }

    /// An entry file as a representative would fill it in. Only the winners' titles are real.
    static func entryFile(_ country: String) -> String {
        let name = Country.named(CountryCode(country)!)?.name ?? country
        let ended = country == "LT"
        return """
            # Illustrative demo entry for \(name). \(["FI", "LT", "HU"].contains(country) ? "The title is the real 2018 medal winner's; the texts are not theirs." : "Nothing in it describes a real project.")
            edition = 2018
            country = "\(country)"
            kind = "competing"
            title = "\(title(country))"
            start_date = 2015-03-01
            still_running = \(ended ? "false" : "true")
            \(ended ? "end_date = 2018-06-30\n" : "")links = ["https://eucpn.org/"]

            description = \"\"\"
            Illustrative text for the ecpa demo. Police, the municipality and residents of a town \
            in \(name) meet regularly, agree on the safety problems that matter most to residents \
            and act on them together, in small and visible steps.
            \"\"\"
            objectives = "Illustrative: more trust between residents and police; less fear of crime."
            target_group = "Illustrative: residents of the neighbourhoods concerned."
            evaluation_method = "Illustrative: resident surveys and incident statistics before and after."
            evaluation_results = "Illustrative: fewer reported incidents; residents report feeling safer."
            innovation = "Illustrative: residents choose the priorities with the police."
            partners = "Illustrative: police, municipality, schools, community associations."
            transferability = "Illustrative: needs no special legislation or budget."
            costs_funding = "Illustrative: staff time of the partners and a small municipal grant."

            [contact]
            name = "Demo contact (\(name))"
            email = "demo-\(country.lowercased())@example.org"
            """
    }
}
