-- The twelve searches of the Find benchmarks, in turn: typos, aa/ae/oe spellings, two words.
local qs = { "strik", "f%C3%A6llesspisning", "lektiecafe", "gaatur", "sprogcafe", "kor", "yoga%20unge", "bogklub", "faellesspisnign", "banko%20aeldre", "madklub", "computerhjaelp" }
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/v1/offers?limit=20&q=" .. qs[(i % #qs) + 1])
end
