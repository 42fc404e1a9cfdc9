import ArgumentParser

public struct ECPACommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "ecpa")
    public init() {}
}
