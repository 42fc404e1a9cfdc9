import ECPACore
import Foundation

/// What a national representative keeps after submitting: which entry, for which country, of
/// which kind, received when, and the SHA-256 of the text received (`EntryForm.receiptDigest`),
/// which `entry show` prints for the stored entry.
struct EntryReceipt {
    let entry: Entry
    let at: Date
    let zone: TimeZone

    var text: String {
        let country = Country.named(entry.country)?.name ?? entry.country.rawValue
        return """

            Receipt (keep it):
              Entry:    \(entry.id)
              Country:  \(country) (\(entry.country.rawValue))
              Kind:     \(entry.kind.rawValue)
              Received: \(TimeText.display(at, in: zone))
              SHA-256:  \(entry.form.receiptDigest)
            `ecpa entry show \(entry.id)` prints the SHA-256 of the entry as stored; it matches this one as long as the entry is unchanged.
            """
    }
}
