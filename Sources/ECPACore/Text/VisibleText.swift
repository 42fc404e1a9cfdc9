/// Whether a text shows anything at all: a name or a reason made only of spaces, format and joining
/// marks, variation selectors, Hangul and Braille fillers, tag characters or combining marks on
/// their own would print as nothing. sql/0032's ecpa.has_text refuses the same characters
/// (SharedRulesTests holds both to one table of cases).
public enum VisibleText {
    /// Whether some character of `text` is visible.
    public static func has(_ text: String) -> Bool {
        text.unicodeScalars.contains { !isInvisible($0) }
    }

    /// The characters that show nothing, as ranges of code points.
    static let invisible: [ClosedRange<UInt32>] = [
        0x0009...0x000D, 0x0020...0x0020, 0x0085...0x0085, 0x00A0...0x00A0, 0x00AD...0x00AD, 0x0300...0x036F,
        0x034F...0x034F, 0x061C...0x061C, 0x115F...0x1160, 0x1680...0x1680, 0x17B4...0x17B5, 0x180B...0x180E,
        0x2000...0x200F, 0x2028...0x202F, 0x205F...0x206F, 0x2800...0x2800, 0x3000...0x3000, 0x3164...0x3164,
        0xFE00...0xFE0F, 0xFEFF...0xFEFF, 0xFFA0...0xFFA0, 0xE0000...0xE007F,
    ]

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        invisible.contains { $0.contains(scalar.value) }
    }
}
