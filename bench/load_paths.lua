-- wrk script: each connection is one user; each request picks the next path from a mixed
-- list of staff pages and feed calls; the session cookie and the API token come from the
-- environment.
local paths = {}
for path in string.gmatch(os.getenv("CAREBOARD_LOAD_PATHS"), "[^,]+") do
  paths[#paths + 1] = path
end
local cookie = "sessionid=" .. os.getenv("CAREBOARD_LOAD_SESSION")
local bearer = "Bearer " .. os.getenv("CAREBOARD_LOAD_TOKEN")
local counter = 0

-- A person reads a page before the next click: 1 to 3 seconds between one user's requests.
delay = function()
  return math.random(1000, 3000)
end

request = function()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  local headers = {}
  if string.sub(path, 1, 5) == "/api/" then
    headers["Authorization"] = bearer
  else
    headers["Cookie"] = cookie
  end
  return wrk.format("GET", path, headers)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.duration))
  io.write(string.format("ERRORS status %d connect %d read %d write %d timeout %d\n",
    e.status, e.connect, e.read, e.write, e.timeout))
end
