import ArgumentParser
import ECPACore

extension ScoreSheetDelimiter: ExpressibleByArgument {}
