-- wrk script of benchmarks/soak.sh. Arguments (after --): API (rest or http), requests per thread, a directory where
-- each thread leaves a file once it has its answers (wrk runs for its -d duration otherwise; soak.sh then stops it).
-- Requests vary their path: distinct ids on the Lambda proxy route and, for REST, the mapping-template route; every
-- 50th asks for a missing item (REST: 404 through the integration response) and every 97th for a path with no route
-- (REST 403 "Missing Authentication Token", HTTP 404 "Not Found"). Every answer is checked: one that is neither the
-- 200 with an item (an id and the code generation that answered) nor one of those explained errors counts as
-- unexpected.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("number", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  api = args[1]
  quota = tonumber(args[2])
  done_dir = args[3]
  prefix = api == "rest" and "/dev" or ""
  statuses = {}
  answered = 0
  unexpected = 0
  explained = 0
  samples = {}
  generation_min = nil
  generation_max = nil
  finished = false
end

function request()
  counter = counter + 1
  local id = number .. "-" .. counter
  local path
  if counter % 97 == 0 then
    path = prefix .. "/nowhere/" .. id
  elseif api == "rest" and counter % 50 == 0 then
    path = prefix .. "/items/missing-" .. id .. "/detail"
  elseif api == "rest" and counter % 2 == 0 then
    path = prefix .. "/items/" .. id .. "/detail"
  else
    path = prefix .. "/items/" .. id
  end
  return wrk.format("GET", path)
end

-- Whether an answer is one the soak expects, and the code generation a 200 names.
local function check(status, body)
  if status == 200 then
    local generation = body:match('"id":"[%w%-]+",%s*"generation":%s*(%d+)')
    return generation ~= nil, false, tonumber(generation)
  end
  if status == 404 and api == "rest" and body:find('"message": "not found: missing-', 1, true) then
    return true, true
  end
  if status == 404 and api == "http" and body:find('{"message":"Not Found"}', 1, true) then
    return true, true
  end
  if status == 403 and api == "rest" and body:find('Missing Authentication Token', 1, true) then
    return true, true
  end
  return false, false
end

function response(status, headers, body)
  if finished then
    return
  end
  answered = answered + 1
  statuses[status] = (statuses[status] or 0) + 1
  local ok, is_explained, generation = check(status, body)
  if not ok then
    unexpected = unexpected + 1
    if #samples < 3 then
      table.insert(samples, status .. " " .. body:sub(1, 200):gsub("%s+", " "))
    end
  elseif is_explained then
    explained = explained + 1
  elseif generation then
    generation_min = math.min(generation_min or generation, generation)
    generation_max = math.max(generation_max or generation, generation)
  end
  if answered >= quota then
    finished = true
    local marker = io.open(done_dir .. "/" .. api .. "-" .. number, "w")
    marker:write(answered)
    marker:close()
    wrk.thread:stop()
  end
end

-- One line per figure, read by soak.sh: SOAK <api> <key> <value...>.
function done(summary, latency, requests)
  local total_statuses = {}
  local totals = {answered = 0, unexpected = 0, explained = 0}
  local gmin, gmax
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total_statuses[status] = (total_statuses[status] or 0) + count
    end
    for key, _ in pairs(totals) do
      totals[key] = totals[key] + thread:get(key)
    end
    local tmin, tmax = thread:get("generation_min"), thread:get("generation_max")
    if tmin then gmin = math.min(gmin or tmin, tmin) end
    if tmax then gmax = math.max(gmax or tmax, tmax) end
    for _, sample in ipairs(thread:get("samples")) do
      print("SOAK " .. args_api() .. " sample " .. sample)
    end
  end
  local api_name = args_api()
  for status, count in pairs(total_statuses) do
    print("SOAK " .. api_name .. " status " .. status .. " " .. count)
  end
  print("SOAK " .. api_name .. " answered " .. totals.answered)
  print("SOAK " .. api_name .. " unexpected " .. totals.unexpected)
  print("SOAK " .. api_name .. " explained " .. totals.explained)
  local e = summary.errors
  print("SOAK " .. api_name .. " socket_errors " .. (e.connect + e.read + e.write + e.timeout))
  print("SOAK " .. api_name .. " generations " .. (gmin or -1) .. " " .. (gmax or -1))
end

-- The API's name, as the threads were told (done runs in the main script, whose init never ran).
function args_api()
  return threads[1]:get("api")
end
