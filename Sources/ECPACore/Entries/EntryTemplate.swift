import Foundation

/// The blank entry file a national representative fills in: the Annex I template as a commented
/// TOML file, one field per question, each saying what the jury expects.
public enum EntryTemplate {
    /// The template, with the edition and the country filled in when known.
    public static func text(edition: Int?, country: CountryCode?) -> String {
        EntryForm(edition: edition, country: country).tomlText
    }

    /// The explanation at the top of every entry file, as comment lines without the "# ".
    static func header(edition: Int?) -> [String] {
        let which = edition.map { "the \($0) edition" } ?? "an edition"
        return [
            "European Crime Prevention Award (ECPA): entry form for \(which) (Annex I).",
            "",
            "Fill in one form per project, in English, and send it to the EUCPN secretariat with the ecpa tool.",
            "The jury judges ONLY what is written in this form, so answer every question fully.",
            "",
            "How to fill it in:",
            "  - Lines starting with # are explanations for you; they are ignored.",
            "  - Text goes between double quotes:  title = \"Safe at home\"",
            "    To use a double quote inside the text, write \\\" (and \\\\ for a backslash).",
            "  - Longer answers go between triple quotes, over as many lines as you need:",
            "        description = \"\"\"",
            "        First paragraph.",
            "",
            "        Second paragraph.",
            "        \"\"\"",
            "  - Dates are written year-month-day, without quotes:  start_date = 2015-01-01",
            "  - Leave \"\" for an answer that does not apply.",
            "",
            "Check the file for mistakes (it lists all of them, with their line numbers), then submit it:",
            "    ecpa entry validate FILE",
            "    ecpa entry submit FILE",
        ]
    }
}
