import ECPACore
import LibPQ

extension Row {
    /// A certainty column of the archive.
    func certainty(_ column: String) throws -> Certainty {
        try enumValue(column)
    }

    /// A text fact: its value column and the certainty column beside it.
    func textFact(_ column: String, certainty: String) throws -> Fact<String> {
        Fact(try decode(column, as: String?.self), try self.certainty(certainty))
    }

    /// A country fact: a nullable country code column and its certainty column.
    func countryFact(_ column: String, certainty: String) throws -> Fact<CountryCode> {
        let code: CountryCode? = isNull(column) ? nil : try countryCode(column)
        return Fact(code, try self.certainty(certainty))
    }
}
