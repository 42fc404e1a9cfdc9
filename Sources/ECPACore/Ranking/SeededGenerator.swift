/// ecpa's own random numbers (SplitMix64): for a seed, the same sequence on every platform, every
/// Swift version and every run, so that a declared seed reproduces an analysis to the bit.
/// Numbers in a range come from `below(_:)`, by rejection, never from the standard library's
/// mapping, which is not promised to stay the same.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number from 0 to `bound - 1`, each equally likely (rejecting the few draws that would
    /// favour the low numbers).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "a range needs at least one number")
        let range = UInt64(bound)
        let limit = UInt64.max - UInt64.max % range
        while true {
            let draw = next()
            if draw < limit { return Int(draw % range) }
        }
    }
}
