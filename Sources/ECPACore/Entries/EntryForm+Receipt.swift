import Foundation

extension EntryForm {
    /// The text a submission receipt's SHA-256 is computed over: every field of the template, in
    /// the template's order, one `key = value` line each, with values written as in the entry file
    /// (TOML) and an empty answer as `""`; no comments, so changing the template's guidance never
    /// changes a receipt.
    public var receiptText: String {
        EntryField.allCases.map { $0.key + " = " + value(of: $0) + "\n" }.joined()
    }

    /// The SHA-256 of `receiptText`, as 64 lowercase hexadecimal digits: what `entry submit`
    /// prints on the receipt and `entry show` prints for the stored entry, so a representative can
    /// check that what the jury reads is what they sent.
    public var receiptDigest: String { SHA256.hex(receiptText) }
}
