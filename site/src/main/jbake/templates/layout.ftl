<#ftl output_format="HTML">
<#-- The one layout: header, navigation, main, footer. Every page type calls page; print=true on
     the pages with a "Print or save a copy of your answers" button (FormHtml.PRINT_BUTTON). -->
<#macro page title description current="" script="" print=false>
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
  <script src="/js/status.js" defer></script>
  <#if print><script src="/js/print.js" defer></script></#if>
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
      <h2 class="heading-s" id="site-contact">Contact us</h2>
      <p>
        <#list opcc.address as line>${line}<#sep><br></#sep></#list>
      </p>
      <p>Telephone: <a href="tel:${opcc.phoneLink}">${opcc.phone}</a><br>
        Email: <a href="mailto:${opcc.email}">${opcc.email}</a></p>
      <p>You can ask for any page or form on this site on paper or in another format, such as large print or easy read:
        call or email us, or write to us at the address above. To apply on paper, ask for a paper application form and tell us which fund or call it is for.</p>
      <ul class="site-footer__links">
        <li><a href="/accessibility.html">Accessibility statement</a></li>
        <li><a href="/privacy.html">Privacy notice</a></li>
        <li><a href="/grants/">Grants register</a></li>
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

<#-- A call's window, for status.js: inside it, the status tag and the parts shown only in some
     statuses follow the reader's clock, so the page is right between bakes. Without JavaScript
     the page shows the status at the bake, and the site is rebaked within minutes of a change. -->
<#macro callWindow call tag="div" class="">
<${tag}<#if class?has_content> class="${class}"</#if> data-call-window data-opens="${call.opensIso}" data-closing-soon="${call.closingSoonIso}" data-closes="${call.closesIso}"><#nested></${tag}>
</#macro>

<#macro callStatusTag call>
<strong class="tag tag--${call.status}" data-status-tag>${call.statusLabel}</strong>
</#macro>

<#-- Shown only while the call's status is one of statuses (space-separated slugs). -->
<#macro showWhen call statuses tag="div" class="">
<${tag}<#if class?has_content> class="${class}"</#if> data-show-when="${statuses}"<#if !statuses?split(" ")?seq_contains(call.status)> hidden</#if>><#nested></${tag}>
</#macro>

<#macro draftBanner>
<#if (content.draftPreview!"") == "true">
<div class="notice notice--draft" role="note"><strong>Draft preview.</strong> This page is not published.</div>
</#if>
</#macro>

<#-- When the applicant will hear: a call's own panel, or the fund's round after the call closes. -->
<#macro panelDecision panel own>
<#if own>A panel will consider the bids after the call closes<#else>Bids go to the fund’s first panel after the call closes</#if>. You will hear by <time datetime="${panel.decisionsByIso}">${panel.decisionsBy}</time><@provisional panel/>.
</#macro>

<#macro provisional round><#if round.provisional> (provisional date, to be confirmed)</#if></#macro>

<#-- A list of calls: title, fund, status and the date that matters for that status. -->
<#macro callList calls showFund=true>
<ul class="call-list">
<#list calls as call>
  <@callWindow call=call tag="li" class="call-list__item">
    <h3 class="heading-s"><a href="${call.url}">${call.title}</a></h3>
    <p><@callStatusTag call/><#if call.draft> <strong class="tag tag--draft">Draft</strong></#if><#if showFund> ${call.fundName}</#if></p>
    <p>${call.summary}</p>
    <dl class="facts">
      <#if call.status == "upcoming">
      <dt>Opens</dt><dd><time datetime="${call.opensIso}">${call.opens}</time></dd>
      </#if>
      <dt><#if call.status == "closed">Closed<#else>Closes</#if></dt><dd><time datetime="${call.closesIso}">${call.closes}</time></dd>
      <dt>Up to</dt><dd>${call.maxAward}</dd>
      <#if call.panel?? && call.status != "closed">
      <dt>Bidders hear by</dt><dd><time datetime="${call.panel.decisionsByIso}">${call.panel.decisionsBy}</time><@provisional call.panel/></dd>
      </#if>
    </dl>
  </@callWindow>
</#list>
</ul>
</#macro>
