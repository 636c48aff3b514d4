#include "linkscope/model/country.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace linkscope {
namespace {

// ISO 3166-1: alpha-2 and alpha-3 of every officially assigned code, plus XK/XKX.
constexpr const char* kCodes =
    "ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA "
    "AZAZE BABIH BBBRB BDBGD BEBEL BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES "
    "BRBRA BSBHS BTBTN BVBVT BWBWA BYBLR BZBLZ CACAN CCCCK CDCOD CFCAF CGCOG CHCHE CICIV CKCOK "
    "CLCHL CMCMR CNCHN COCOL CRCRI CUCUB CVCPV CWCUW CXCXR CYCYP CZCZE DEDEU DJDJI DKDNK DMDMA "
    "DODOM DZDZA ECECU EEEST EGEGY EHESH ERERI ESESP ETETH FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA "
    "GAGAB GBGBR GDGRD GEGEO GFGUF GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GSSGS "
    "GTGTM GUGUM GWGNB GYGUY HKHKG HMHMD HNHND HRHRV HTHTI HUHUN IDIDN IEIRL ILISR IMIMN ININD "
    "IOIOT IQIRQ IRIRN ISISL ITITA JEJEY JMJAM JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA "
    "KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO LBLBN LCLCA LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA "
    "LYLBY MAMAR MCMCO MDMDA MEMNE MFMAF MGMDG MHMHL MKMKD MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ "
    "MRMRT MSMSR MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM NCNCL NENER NFNFK NGNGA NINIC "
    "NLNLD NONOR NPNPL NRNRU NUNIU NZNZL OMOMN PAPAN PEPER PFPYF PGPNG PHPHL PKPAK PLPOL PMSPM "
    "PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT REREU ROROU RSSRB RURUS RWRWA SASAU SBSLB SCSYC "
    "SDSDN SESWE SGSGP SHSHN SISVN SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD STSTP SVSLV "
    "SXSXM SYSYR SZSWZ TCTCA TDTCD TFATF TGTGO THTHA TJTJK TKTKL TLTLS TMTKM TNTUN TOTON TRTUR "
    "TTTTO TVTUV TWTWN TZTZA UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR "
    "VNVNM "
    "VUVUT WFWLF WSWSM XKXKX YEYEM YTMYT ZAZAF ZMZMB ZWZWE";

constexpr size_t kEntry = 6;  // "AAXXX "

size_t EntryCount() { return (std::strlen(kCodes) + 1) / kEntry; }

char Upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

std::optional<CountryCode> ParseCountry(std::string_view text) {
  if (text.size() != 2 && text.size() != 3) return std::nullopt;
  char up[3] = {0, 0, 0};
  for (size_t i = 0; i < text.size(); ++i) {
    up[i] = Upper(text[i]);
    if (up[i] < 'A' || up[i] > 'Z') return std::nullopt;
  }
  const size_t n = EntryCount();
  for (size_t i = 0; i < n; ++i) {
    const char* e = kCodes + i * kEntry;
    const bool match = text.size() == 2 ? (e[0] == up[0] && e[1] == up[1])
                                        : (e[2] == up[0] && e[3] == up[1] && e[4] == up[2]);
    if (match) {
      return static_cast<CountryCode>(
          (static_cast<unsigned>(static_cast<unsigned char>(e[0])) << 8) |
          static_cast<unsigned char>(e[1]));
    }
  }
  return std::nullopt;
}

std::string CountryToString(CountryCode code) {
  if (code == kNoCountry) return {};
  return std::string{static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)};
}

}  // namespace linkscope
