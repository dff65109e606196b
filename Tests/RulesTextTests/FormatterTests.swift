import CodingRules
import RulesText
import Testing
