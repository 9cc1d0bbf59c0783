<#ftl output_format="HTML">
<#-- The one layout: header, navigation, main, footer. Every page type calls page. -->
<#macro page title description current="" script="">
<#assign opcc = data.get('opcc.yml')>
<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} – ${opcc.service} – ${opcc.shortName}</title>
  <meta name="description" content="${description}">
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/css/site.css">
  <link rel="alternate" type="application/atom+xml" title="Calls for bids" href="/calls.atom">
  <#if script?has_content><script src="${script}" defer></script></#if>
</head>
<body>
  <a href="#main" class="skip-link">Skip to main content</a>
  <header class="site-header">
    <div class="width">
      <a href="/" class="site-header__home">
        <span class="site-header__org">${opcc.name}</span>
        <span class="site-header__service">${opcc.service}</span>
      </a>
    </div>
    <nav class="site-nav" aria-label="Main">
      <ul class="width">
        <li><a href="/"<#if current == "home"> aria-current="page"</#if>>Funds</a></li>
        <li><a href="/calls/"<#if current == "calls"> aria-current="page"</#if>>Calls for bids</a></li>
        <li><a href="/strategy.html"<#if current == "strategy"> aria-current="page"</#if>>Commissioning strategy</a></li>
      </ul>
    </nav>
  </header>
  <div class="width">
    <main id="main" tabindex="-1">
      <#nested>
    </main>
  </div>
  <footer class="site-footer">
    <div class="width">
      <h2 class="heading-s">Contact us</h2>
      <p>
        <#list opcc.address as line>${line}<#sep><br></#sep></#list>
      </p>
      <p>Telephone: <a href="tel:${opcc.phoneLink}">${opcc.phone}</a><br>
        Email: <a href="mailto:${opcc.email}">${opcc.email}</a></p>
      <p>You can ask for any page or form on this site on paper or in another format.</p>
      <ul class="site-footer__links">
        <li><a href="/accessibility.html">Accessibility statement</a></li>
        <li><a href="/privacy.html">Privacy notice</a></li>
        <li><a href="/calls.atom">Calls for bids feed (Atom)</a></li>
        <li><a href="/deadlines.ics">Deadlines calendar (iCalendar)</a></li>
        <li><a href="/catalogue.json">Funds and calls as data (JSON)</a></li>
      </ul>
    </div>
  </footer>
</body>
</html>
</#macro>

<#macro statusTag status label>
<strong class="tag tag--${status}">${label}</strong>
</#macro>

<#macro draftBanner>
<#if (content.draftPreview!"") == "true">
<div class="notice notice--draft" role="note"><strong>Draft preview.</strong> This page is not published.</div>
</#if>
</#macro>

<#-- A list of calls: title, fund, status and the date that matters for that status. -->
<#macro callList calls showFund=true>
<ul class="call-list">
<#list calls as call>
  <li class="call-list__item">
    <h3 class="heading-s"><a href="${call.url}">${call.title}</a></h3>
    <p><@statusTag call.status call.statusLabel/><#if showFund> ${call.fundName}</#if></p>
    <p>${call.summary}</p>
    <dl class="facts">
      <#if call.status == "upcoming">
      <dt>Opens</dt><dd><time datetime="${call.opensIso}">${call.opens}</time></dd>
      </#if>
      <dt><#if call.status == "closed">Closed<#else>Closes</#if></dt><dd><time datetime="${call.closesIso}">${call.closes}</time></dd>
      <dt>Up to</dt><dd>${call.maxAward}</dd>
    </dl>
  </li>
</#list>
</ul>
</#macro>
