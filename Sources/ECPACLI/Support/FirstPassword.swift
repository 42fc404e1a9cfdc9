/// A first password ecpa makes for a person the secretariat adds from a file: 20 characters in
/// four groups, from the system's cryptographic random source, in lower-case letters and digits
/// without those people misread (0, o, 1, l): 100 bits. The person replaces it with `ecpa user password`.
enum FirstPassword {
    static let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")

    static func make() -> String {
        var random = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String((0..<5).map { _ in alphabet[Int(random.next(upperBound: UInt32(alphabet.count)))] }) }
            .joined(separator: "-")
    }
}
