import ECPACore
import LibPQ

extension Row {
    /// A country code column.
    func countryCode(_ column: String) throws -> CountryCode {
        let text: String = try decode(column)
        guard let code = CountryCode(text) else {
            throw StoreError.database("Column \(column) holds an unknown country code \"\(text)\".")
        }
        return code
    }

    /// A `date` column selected as text (`column::text`).
    func calendarDate(_ column: String) throws -> CalendarDate? {
        guard let text: String = try decode(column, as: String?.self) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw StoreError.database("Column \(column) holds \"\(text)\", which is not a date.")
        }
        return date
    }

    /// A text column holding one of an enum's raw values.
    func enumValue<E: RawRepresentable>(_ column: String, as type: E.Type = E.self) throws -> E
    where E.RawValue == String {
        let text: String = try decode(column)
        guard let value = E(rawValue: text) else {
            throw StoreError.database("Column \(column) holds an unexpected value \"\(text)\".")
        }
        return value
    }
}
