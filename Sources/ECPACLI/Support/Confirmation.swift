import Foundation

/// Asking before a step that cannot be undone: on a terminal the person reads what will happen and
/// answers; a script says `--yes`; without a terminal and without `--yes`, nothing happens and the
/// error says to add it.
struct Confirmation {
    /// What will happen, as one or two sentences ("Freezing the 2030 edition stores ...").
    var consequence: String
    /// The question itself, answered with y or n ("Freeze the 2030 edition?").
    var question: String
    /// What the command says when the answer is no ("Nothing was frozen.").
    var declined: String
    /// A word to type instead of y, for the steps that destroy data ("delete").
    var word: String? = nil

    /// Returns when the step may go ahead; throws, having done nothing, when it may not.
    func require(yes: Bool, env: CLIEnvironment) throws {
        if yes { return }
        guard env.inputIsTerminal else {
            throw CLIError(
                "\(consequence) It cannot be undone, so ecpa asks first; without a terminal to ask on, add --yes to go ahead.",
                status: .usage, code: "confirmation_needed")
        }
        env.info(consequence)
        env.writeError(word.map { "\(question) Type '\($0)' to confirm: " } ?? "\(question) [y/N] ")
        let answer = env.readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
        let accepted = word.map { [$0] } ?? ["y", "yes"]
        guard let answer, accepted.contains(answer) else {
            throw CLIError(declined, status: .failure, code: "declined")
        }
    }
}
