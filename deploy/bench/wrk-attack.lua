-- wrk script of the attack benchmark (attack-bench.sh): one attacker, as many threads as connections
-- (wrk -tN -cN), so that each thread's requests and answers alternate and an answer can be told from its request.
--   wrk -tN -cN -d20s -s deploy/bench/wrk-attack.lua URL -- MODE ADDRESSES ARG...
-- ADDRESSES: how many client addresses the attacker spreads over (X-Forwarded-For, believed from 127.0.0.1 in the
-- benchmark); 0 sends none (every request from 127.0.0.1). Every request carries a desktop browser's User-Agent and
-- Sec-Fetch-Site: same-origin, as a script posing as a reader would. Modes:
--   paths FILE           GET each path of FILE in turn (session flood, report downloads)
--   bust PATH            GET PATH in random spellings: percent-encoded letters, random query strings
--   search WORDS_FILE    GET the search page and the search API in turn, 1-3 random words (percent-encoded, one a
--                        line), one in four misspelt
--   consult PATH ACTION WORDS_FILE
--                        GET the consultation form at PATH, keep its stamp, POST it to ACTION once it is 5-6 s old
--                        (the form's minimum fill time is 4 s) with a random question
--   answer ACTION        POST random ticket codes and phrases to the answer page's form
--   login ACTION EMAIL   POST wrong passwords to the login form, half for EMAIL, half for made-up addresses
-- At the end one line:
--   ATTACK requests=… duration_us=… s2xx=… s3xx=… s4xx=… s429=… s503=… s5xx=… cookies=… counted=… socket_errors=…
-- where s4xx excludes 429, s5xx excludes 503, cookies counts answers with Set-Cookie, and counted the answers the
-- portal counts as pageviews (GET, 2xx, text/html, below /ro/ or /ru/).

local agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    .. "Chrome/120.0.0.0 Safari/537.36"
local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("thread_number", counter)
    table.insert(threads, thread)
end

local mode, addresses
local paths, words = {}, {}
local n = 0
local arg1, arg2, arg3
local last_countable = false
local last_get = false
local stamps, stamps_first, stamps_last = {}, 1, 0
s2xx, s3xx, s4xx, s429, s503, s5xx, cookies, counted = 0, 0, 0, 0, 0, 0, 0, 0

local function lines(file)
    local out = {}
    for line in io.lines(file) do
        if line ~= "" then
            out[#out + 1] = line
        end
    end
    return out
end

function init(args)
    mode = args[1]
    addresses = tonumber(args[2])
    arg1, arg2, arg3 = args[3], args[4], args[5]
    math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919)
    if mode == "paths" then
        paths = lines(arg1)
        n = math.random(0, #paths - 1)
    elseif mode == "search" then
        words = lines(arg1)
    elseif mode == "consult" then
        words = lines(arg3)
    end
end

local function address()
    local k = math.random(0, addresses - 1)
    return "172." .. (16 + math.floor(k / 65536) % 16) .. "." .. (math.floor(k / 256) % 256) .. "." .. (k % 256)
end

local function headers(extra)
    local h = { ["User-Agent"] = agent, ["Sec-Fetch-Site"] = "same-origin" }
    if addresses > 0 then
        h["X-Forwarded-For"] = address()
    end
    if extra then
        for k, v in pairs(extra) do
            h[k] = v
        end
    end
    return h
end

local letters = "abcdefghijklmnopqrstuvwxyz"
local function random_letters(count)
    local out = {}
    for i = 1, count do
        local c = math.random(1, #letters)
        out[i] = letters:sub(c, c)
    end
    return table.concat(out)
end

local function random_from(alphabet, count)
    local out = {}
    for i = 1, count do
        local c = math.random(1, #alphabet)
        out[i] = alphabet:sub(c, c)
    end
    return table.concat(out)
end

-- A spelling of the same path the server decodes to the same page: some letters percent-encoded, in either case.
local function respell(path)
    local prefix, rest = path:match("^(/%a%a/[^/]+/)(.*)$")
    if not prefix then
        return path
    end
    local out = {}
    for i = 1, #rest do
        local ch = rest:sub(i, i)
        if ch:match("%a") and math.random() < 0.25 then
            local hex = string.format("%02X", ch:byte())
            if math.random() < 0.5 then
                hex = hex:lower()
            end
            out[#out + 1] = "%" .. hex
        else
            out[#out + 1] = ch
        end
    end
    return prefix .. table.concat(out)
end

local function random_query()
    local parts = {}
    for i = 1, math.random(1, 3) do
        parts[i] = random_letters(math.random(1, 8)) .. "=" .. random_letters(math.random(0, 12))
    end
    return "?" .. table.concat(parts, "&")
end

-- A word of the list, now and then with two neighbouring letters swapped (a typo; percent-encoded bytes are left).
local function query_word()
    local w = words[math.random(1, #words)]
    if math.random() < 0.25 and #w > 3 and not w:find("%%") then
        local i = math.random(1, #w - 1)
        w = w:sub(1, i - 1) .. w:sub(i + 1, i + 1) .. w:sub(i, i) .. w:sub(i + 2)
    end
    return w
end

local function query_words(count)
    local out = {}
    for i = 1, count do
        out[i] = query_word()
    end
    return table.concat(out, "+")
end

local form = { ["Content-Type"] = "application/x-www-form-urlencoded" }

function request()
    last_countable, last_get = false, false
    if mode == "paths" then
        n = n + 1
        local path = paths[(n % #paths) + 1]
        last_get = true
        last_countable = path:match("^/r[ou]/") ~= nil
        return wrk.format("GET", path, headers())
    elseif mode == "bust" then
        local r = math.random()
        local path
        if r < 0.34 then
            path = respell(arg1)
        elseif r < 0.67 then
            path = arg1 .. random_query()
        else
            path = respell(arg1) .. random_query()
        end
        last_get, last_countable = true, true
        return wrk.format("GET", path, headers())
    elseif mode == "search" then
        n = n + 1
        local q = query_words(math.random(1, 3))
        last_get = true
        if n % 2 == 0 then
            last_countable = true
            return wrk.format("GET", "/ro/cautare?q=" .. q, headers())
        end
        return wrk.format("GET", "/api/v1/search?lang=ro&q=" .. q, headers())
    elseif mode == "consult" then
        local head = stamps[stamps_first]
        if head and os.time() - head.at >= 6 then
            stamps[stamps_first] = nil
            stamps_first = stamps_first + 1
            local topics = { "job-offer", "documents", "work-rights", "missing-relative", "returning", "other" }
            local body = "topic=" .. topics[math.random(1, #topics)] .. "&question=" .. query_words(math.random(8, 40))
                .. "&channel=ticket&contact=&website=&consent=on&stamp=" .. head.stamp
            return wrk.format("POST", arg2, headers(form), body)
        end
        last_get, last_countable = true, true
        return wrk.format("GET", arg1, headers())
    elseif mode == "answer" then
        local alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ"
        local phrase_alphabet = "23456789abcdefghjkmnpqrstwxyz"
        local body = "ticket=" .. random_from(alphabet, 5) .. "-" .. random_from(alphabet, 5) .. "&phrase="
            .. random_from(phrase_alphabet, 4) .. "-" .. random_from(phrase_alphabet, 4) .. "-"
            .. random_from(phrase_alphabet, 4) .. "-" .. random_from(phrase_alphabet, 4)
        return wrk.format("POST", arg1, headers(form), body)
    elseif mode == "login" then
        local email = arg2
        if math.random() < 0.5 then
            email = random_letters(math.random(3, 10)) .. "%40" .. random_letters(math.random(4, 9)) .. ".md"
        end
        local body = "email=" .. email .. "&password=" .. random_letters(math.random(8, 20))
        return wrk.format("POST", arg1, headers(form), body)
    end
end

function response(status, headers, body)
    if status == 429 then
        s429 = s429 + 1
    elseif status == 503 then
        s503 = s503 + 1
    elseif status >= 500 then
        s5xx = s5xx + 1
    elseif status >= 400 then
        s4xx = s4xx + 1
    elseif status >= 300 then
        s3xx = s3xx + 1
    elseif status >= 200 then
        s2xx = s2xx + 1
    end
    local html = false
    for k, v in pairs(headers) do
        local key = k:lower()
        if key == "set-cookie" then
            cookies = cookies + 1
        elseif key == "content-type" then
            html = v:lower():sub(1, 9) == "text/html"
        end
    end
    if last_countable and status >= 200 and status < 300 and html then
        counted = counted + 1
    end
    if mode == "consult" and last_get and body then
        local stamp = body:match('value="([^"]+)" name="stamp"') or body:match('name="stamp"[^>]-value="([^"]+)"')
        if stamp and stamps_last - stamps_first < 500 then
            stamps_last = stamps_last + 1
            stamps[stamps_last] = { at = os.time(), stamp = stamp:gsub("%%", "%%25"):gsub("%+", "%%2B"):gsub("/", "%%2F"):gsub("=", "%%3D") }
        end
    end
end

function done(summary, latency, requests)
    local total = { s2xx = 0, s3xx = 0, s4xx = 0, s429 = 0, s503 = 0, s5xx = 0, cookies = 0, counted = 0 }
    for _, thread in ipairs(threads) do
        for k, _ in pairs(total) do
            total[k] = total[k] + (thread:get(k) or 0)
        end
    end
    local e = summary.errors
    io.write(string.format("ATTACK requests=%d duration_us=%d s2xx=%d s3xx=%d s4xx=%d s429=%d s503=%d s5xx=%d "
        .. "cookies=%d counted=%d socket_errors=%d\n", summary.requests, summary.duration, total.s2xx, total.s3xx,
        total.s4xx, total.s429, total.s503, total.s5xx, total.cookies, total.counted,
        e.connect + e.read + e.write + e.timeout))
end
